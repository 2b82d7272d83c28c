import type { FormState } from '../../../platform/forms.js';
import type { PageModel } from '../../../platform/pagination.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import { Pagination } from '../../../platform/views/Pagination.js';

export interface SnippetPart {
  text: string;
  marked: boolean;
}

export interface HitViewModel {
  href: string;
  title: string;
  type: string;
  date: string;
  network: string;
  snippet: SnippetPart[];
}

export interface SearchViewModel {
  query: string;
  types: { value: string; label: string }[];
  themes: { value: string; label: string }[];
  networks: { value: string; label: string }[];
  /** Null before anything was searched. */
  result: null | {
    total: number;
    hits: HitViewModel[];
    /** The pages of the result (platform/pagination.ts). */
    pages: PageModel;
  };
}

export function SearchPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: SearchViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const r = vm.result;
  return (
    <Layout ctx={ctx} title={t('search.title')}>
      <h1 class="utrecht-heading-1">{t('search.title')}</h1>
      <p class="utrecht-paragraph">{t('search.intro')}</p>
      {/* A GET form: a search changes nothing, and its address can be shared. */}
      <form method="get" action="/zoeken" class="utrecht-form bk-form" noValidate>
        <ErrorSummary ctx={ctx} errors={state.errors} />
        <TextField
          name="q"
          type="search"
          label={t('search.query')}
          description={t('search.queryHint')}
          value={v.q}
          error={e.q}
          maxLength={200}
        />
        <SelectField
          name="soort"
          label={t('search.type')}
          options={vm.types}
          placeholder={t('search.anyType')}
          value={v.soort}
          error={e.soort}
        />
        <SelectField
          name="thema"
          label={t('search.theme')}
          options={vm.themes}
          placeholder={t('search.anyTheme')}
          value={v.thema}
          error={e.thema}
        />
        {vm.networks.length > 0 ? (
          <SelectField
            name="netwerk"
            label={t('search.network')}
            options={vm.networks}
            placeholder={t('search.anyNetwork')}
            value={v.netwerk}
            error={e.netwerk}
          />
        ) : null}
        <TextField name="van" type="date" label={t('search.from')} value={v.van} error={e.van} />
        <TextField name="tot" type="date" label={t('search.until')} value={v.tot} error={e.tot} />
        <SubmitButton>{t('search.submit')}</SubmitButton>
      </form>
      {r ? (
        <section aria-labelledby="search-results">
          <h2 class="utrecht-heading-2" id="search-results">
            {r.total === 0
              ? t('search.none', { query: vm.query })
              : r.total === 1
                ? t('search.oneResult', { query: vm.query })
                : t('search.results', { query: vm.query, total: r.total })}
          </h2>
          <ol class="bk-search-results">
            {r.hits.map((hit) => (
              <li key={hit.href}>
                <h3 class="utrecht-heading-3">
                  <a class="utrecht-link" href={hit.href}>
                    {hit.title}
                  </a>
                </h3>
                <p class="utrecht-paragraph bk-search-meta">
                  {hit.type} · {hit.date}
                  {hit.network ? ` · ${hit.network}` : ''}
                </p>
                <p class="utrecht-paragraph">
                  {hit.snippet.map((part, i) =>
                    part.marked ? <mark key={i}>{part.text}</mark> : part.text,
                  )}
                </p>
              </li>
            ))}
          </ol>
          <Pagination ctx={ctx} model={r.pages} />
        </section>
      ) : null}
    </Layout>
  );
}
