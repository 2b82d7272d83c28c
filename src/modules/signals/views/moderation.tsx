import type { ViewContext } from '../../../platform/views/context.js';
import { SubmitButton } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { NetworkRef, Option } from './shared.js';

export interface ModerationViewModel {
  network: NetworkRef;
  items: {
    id: number;
    title: string;
    description: string;
    place: string;
    contact: string;
    date: string;
  }[];
  themeOptions: Option[];
}

export function ModerationPage({ ctx, vm }: { ctx: ViewContext; vm: ModerationViewModel }) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/signalen`;
  return (
    <Layout ctx={ctx} title={t('signals.moderation.title')}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {t('signals.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t('signals.moderation.title')}</h1>
      <p class="utrecht-paragraph">{t('signals.moderation.intro')}</p>
      {vm.items.length === 0 ? (
        <p class="utrecht-paragraph">{t('signals.moderation.empty')}</p>
      ) : null}
      {vm.items.map((item) => (
        <section class="bk-card" aria-labelledby={`pending-${item.id}`} key={item.id}>
          <h2 class="utrecht-heading-3" id={`pending-${item.id}`}>
            {item.title}
          </h2>
          <p class="utrecht-paragraph bk-pre-line">{item.description}</p>
          <dl class="bk-dl">
            <dt class="bk-dl__term">{t('signals.detail.place')}</dt>
            <dd class="bk-dl__value">{item.place || '–'}</dd>
            <dt class="bk-dl__term">{t('signals.moderation.contact')}</dt>
            <dd class="bk-dl__value">{item.contact}</dd>
            <dt class="bk-dl__term">{t('signals.detail.created')}</dt>
            <dd class="bk-dl__value">{item.date}</dd>
          </dl>
          <form method="post" action={`${base}/${item.id}/goedkeuren`} class="utrecht-form bk-form">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <label class="utrecht-form-label" for={`theme-${item.id}`}>
              {t('signals.moderation.theme')}
            </label>
            <select
              class="utrecht-select utrecht-select--html-select"
              id={`theme-${item.id}`}
              name="theme"
            >
              {vm.themeOptions.map((o) => (
                <option value={o.value} key={o.value} selected={o.value === 'other'}>
                  {o.label}
                </option>
              ))}
            </select>
            <SubmitButton>{t('signals.moderation.approve')}</SubmitButton>
          </form>
          <form method="post" action={`${base}/${item.id}/afwijzen`} class="utrecht-form bk-form">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <SubmitButton variant="danger">{t('signals.moderation.reject')}</SubmitButton>
          </form>
        </section>
      ))}
    </Layout>
  );
}
