import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Form,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import { Paragraphs } from '../../../platform/views/Paragraphs.js';

type Option = { value: string; label: string };

export interface ItemSummary {
  id: number;
  href: string;
  kind: string;
  title: string;
  excerpt: string;
  themes: string[];
  network: string;
  visibility: string;
}

export interface LibraryViewModel {
  kinds: Option[];
  themes: Option[];
  filter: { kind: string; theme: string };
  items: ItemSummary[];
  writeLinks: { href: string; label: string }[];
  approvalLinks: { href: string; label: string }[];
  signedIn: boolean;
}

export function LibraryPage({ ctx, vm }: { ctx: ViewContext; vm: LibraryViewModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('library.title')}>
      <h1 class="utrecht-heading-1">{t('library.title')}</h1>
      <p class="utrecht-paragraph">{t('library.intro')}</p>
      {vm.writeLinks.length + vm.approvalLinks.length > 0 || vm.signedIn ? (
        <ul class="utrecht-unordered-list">
          {vm.writeLinks.map((l) => (
            <li class="utrecht-unordered-list__item" key={l.href}>
              <a class="utrecht-link" href={l.href}>
                {l.label}
              </a>
            </li>
          ))}
          {vm.approvalLinks.map((l) => (
            <li class="utrecht-unordered-list__item" key={l.href}>
              <a class="utrecht-link" href={l.href}>
                {l.label}
              </a>
            </li>
          ))}
          {vm.signedIn ? (
            <li class="utrecht-unordered-list__item">
              <a class="utrecht-link" href="/reflecties">
                {t('library.reflect.link')}
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
      <form method="get" action="/bibliotheek" class="utrecht-form bk-form bk-filter">
        <SelectField
          name="soort"
          label={t('library.kind')}
          options={vm.kinds}
          placeholder={t('library.all')}
          value={vm.filter.kind}
        />
        <SelectField
          name="thema"
          label={t('library.theme')}
          options={vm.themes}
          placeholder={t('library.anyTheme')}
          value={vm.filter.theme}
        />
        <SubmitButton variant="secondary">{t('library.show')}</SubmitButton>
      </form>
      {vm.items.length === 0 ? (
        <p class="utrecht-paragraph">{t('library.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list bk-library">
          {vm.items.map((item) => (
            <li class="utrecht-unordered-list__item" key={item.id}>
              <a class="utrecht-link" href={item.href}>
                {item.title}
              </a>{' '}
              ({item.kind}, {item.network}) — {item.excerpt}
              {item.themes.length > 0 ? ` [${item.themes.join(', ')}]` : ''}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface ResponseViewModel {
  id: number;
  paragraphs: string[];
  byline: string;
  helped: boolean;
}

export interface ItemViewModel {
  id: number;
  kind: string;
  title: string;
  body: string[];
  extraLabel: string | null;
  extra: string[];
  themes: string[];
  byline: string;
  source: { text: string; href: string | null } | null;
  visibility: string;
  pending: string | null;
  isCase: boolean;
  responses: ResponseViewModel[];
  canRespond: boolean;
  canMarkHelped: boolean;
  share: { options: Option[]; value: string } | null;
  lessonFromCaseHref: string | null;
}

export function ItemPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: ItemViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const base = `/bibliotheek/${vm.id}`;
  return (
    <Layout ctx={ctx} title={vm.title}>
      <p class="utrecht-paragraph bk-kicker">{vm.kind}</p>
      <h1 class="utrecht-heading-1">{vm.title}</h1>
      <p class="utrecht-paragraph">{vm.byline}</p>
      {vm.source ? (
        <p class="utrecht-paragraph">
          {vm.source.href ? (
            <a class="utrecht-link" href={vm.source.href}>
              {vm.source.text}
            </a>
          ) : (
            vm.source.text
          )}
        </p>
      ) : null}
      <Paragraphs text={vm.body} />
      {vm.extraLabel && vm.extra.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{vm.extraLabel}</h2>
          <Paragraphs text={vm.extra} />
        </>
      ) : null}
      {vm.themes.length > 0 ? (
        <p class="utrecht-paragraph">
          {t('library.theme')}: {vm.themes.join(', ')}
        </p>
      ) : null}
      <p class="utrecht-paragraph">{vm.visibility}</p>
      {vm.pending ? <p class="utrecht-paragraph">{vm.pending}</p> : null}
      {vm.share ? (
        <Form ctx={ctx} action={`${base}/delen`}>
          <SelectField
            name="visibility"
            label={t('library.share')}
            description={t('library.visibilityHint')}
            options={vm.share.options}
            value={vm.share.value}
          />
          <SubmitButton variant="secondary">{t('library.shareSubmit')}</SubmitButton>
        </Form>
      ) : null}
      {vm.isCase ? (
        <section aria-labelledby="responses">
          <h2 class="utrecht-heading-2" id="responses">
            {t('library.responses')}
          </h2>
          {vm.responses.length === 0 ? (
            <p class="utrecht-paragraph">{t('library.noResponses')}</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {vm.responses.map((r) => (
                <li class="utrecht-unordered-list__item" key={r.id} id={`reactie-${r.id}`}>
                  <Paragraphs text={r.paragraphs} />
                  <p class="utrecht-paragraph">
                    {r.byline}
                    {r.helped ? <strong> · {t('library.helped')}</strong> : null}
                  </p>
                  {vm.canMarkHelped ? (
                    <Form ctx={ctx} action={`${base}/reacties/${r.id}/hielp`}>
                      <input type="hidden" name="helped" value={r.helped ? 'no' : 'yes'} />
                      <SubmitButton variant="secondary">
                        {r.helped ? t('library.unmarkHelped') : t('library.markHelped')}
                      </SubmitButton>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {vm.canRespond ? (
            <Form ctx={ctx} action={`${base}/reacties`} errors={state.errors}>
              <TextArea
                name="text"
                label={t('library.respond')}
                description={t('library.respondHint')}
                value={state.values?.text}
                error={state.errors?.text}
                maxLength={4000}
              />
              <SubmitButton>{t('library.respondSubmit')}</SubmitButton>
            </Form>
          ) : null}
          {vm.lessonFromCaseHref ? (
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={vm.lessonFromCaseHref}>
                {t('library.lessonFromCase')}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}

export interface ItemFormViewModel {
  network: { id: number; name: string };
  kinds: Option[];
  visibilities: Option[];
  fromCaseId: number | null;
}

export function ItemFormPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: ItemFormViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('library.newTitle')}>
      <h1 class="utrecht-heading-1">{t('library.newTitle')}</h1>
      <p class="utrecht-paragraph">{vm.network.name}</p>
      <Form ctx={ctx} action={`/netwerk/${vm.network.id}/bibliotheek/nieuw`} errors={state.errors}>
        {vm.fromCaseId ? <input type="hidden" name="casus" value={String(vm.fromCaseId)} /> : null}
        <RadioGroup
          name="kind"
          label={t('library.kind')}
          options={vm.kinds}
          value={v.kind}
          error={e.kind}
        />
        <TextField
          name="title"
          label={t('library.field.title')}
          value={v.title}
          error={e.title}
          maxLength={200}
        />
        <TextArea
          name="body"
          label={t('library.field.body')}
          description={t('library.field.bodyHint')}
          value={v.body}
          error={e.body}
          rows={8}
          maxLength={10000}
        />
        <TextArea
          name="extra"
          label={t('library.field.extra')}
          description={t('library.field.extraHint')}
          value={v.extra}
          error={e.extra}
          maxLength={4000}
        />
        <TextField
          name="themes"
          label={t('library.field.themes')}
          description={t('library.field.themesHint')}
          value={v.themes}
          error={e.themes}
          maxLength={300}
        />
        <RadioGroup
          name="visibility"
          label={t('library.field.visibility')}
          description={t('library.visibilityHint')}
          options={vm.visibilities}
          value={v.visibility ?? 'network'}
          error={e.visibility}
        />
        <SubmitButton>{t('library.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export interface ApprovalsViewModel {
  network: { id: number; name: string };
  items: { id: number; href: string; title: string; kind: string; asked: string }[];
}

export function ApprovalsPage({ ctx, vm }: { ctx: ViewContext; vm: ApprovalsViewModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('library.approvals')}>
      <h1 class="utrecht-heading-1">{t('library.approvals')}</h1>
      <p class="utrecht-paragraph">{vm.network.name}</p>
      {vm.items.length === 0 ? (
        <p class="utrecht-paragraph">{t('library.approvalsNone')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {vm.items.map((item) => (
            <li class="utrecht-unordered-list__item" key={item.id}>
              <a class="utrecht-link" href={item.href}>
                {item.title}
              </a>{' '}
              ({item.kind}) — {item.asked}
              <Form ctx={ctx} action={`/netwerk/${vm.network.id}/bibliotheek/${item.id}/besluit`}>
                <SubmitButton name="decision" value="approve">
                  {t('library.approve')}
                </SubmitButton>{' '}
                <SubmitButton name="decision" value="decline" variant="secondary">
                  {t('library.decline')}
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface ReflectionsViewModel {
  questions: Option[];
  entries: { id: number; question: string; paragraphs: string[]; date: string }[];
}

export function ReflectionsPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: ReflectionsViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('library.reflect.title')}>
      <h1 class="utrecht-heading-1">{t('library.reflect.title')}</h1>
      <p class="utrecht-paragraph">{t('library.reflect.intro')}</p>
      <Form ctx={ctx} action="/reflecties" errors={state.errors}>
        <RadioGroup
          name="question"
          label={t('library.reflect.question')}
          options={vm.questions}
          value={v.question ?? 'patterns'}
          error={e.question}
        />
        <TextArea
          name="text"
          label={t('library.reflect.text')}
          value={v.text}
          error={e.text}
          rows={8}
          maxLength={10000}
        />
        <SubmitButton>{t('library.reflect.save')}</SubmitButton>
      </Form>
      {vm.entries.length === 0 ? (
        <p class="utrecht-paragraph">{t('library.reflect.none')}</p>
      ) : (
        vm.entries.map((entry) => (
          <article key={entry.id} class="bk-reflection">
            <h2 class="utrecht-heading-3">{entry.question}</h2>
            <p class="utrecht-paragraph">{entry.date}</p>
            <Paragraphs text={entry.paragraphs} />
            <Form ctx={ctx} action={`/reflecties/${entry.id}/verwijderen`}>
              <SubmitButton variant="secondary">{t('library.reflect.delete')}</SubmitButton>
            </Form>
          </article>
        ))
      )}
    </Layout>
  );
}
