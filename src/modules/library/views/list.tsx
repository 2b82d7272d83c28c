// The library: stories, cases and lessons one may see, with filters by kind and theme.
import type { ViewContext } from '../../../platform/views/context.js';
import { SelectField, SubmitButton } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import { Photo, type ShownPhoto } from '../../../platform/views/PhotoFields.js';
import type { Option } from './shared.js';

export interface ItemSummary {
  id: number;
  href: string;
  /** A story's photo, shown small beside it. */
  photo: ShownPhoto | null;
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
              {item.photo ? <Photo photo={item.photo} class="bk-photo bk-photo--thumb" /> : null}
              <a class="utrecht-link" href={item.href} lang="nl">
                {item.title}
              </a>{' '}
              ({item.kind}, {item.network}) — <span lang="nl">{item.excerpt}</span>
              {item.themes.length > 0 ? ` [${item.themes.join(', ')}]` : ''}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
