// The network's own themes beside the default ones.
import type { FormErrors, FormValues } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Form, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { NetworkRef } from './shared.js';

export interface ThemesViewModel {
  network: NetworkRef;
  defaults: string[];
  extras: string[];
  errors?: FormErrors | undefined;
  values?: FormValues | undefined;
}

export function ThemesPage({ ctx, vm }: { ctx: ViewContext; vm: ThemesViewModel }) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/signalen/themas`;
  const title = t('signals.themes.title', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/netwerk/${vm.network.id}/signalen`}>
          {t('signals.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('signals.themes.intro')}</p>
      <h2 class="utrecht-heading-2">{t('signals.themes.default')}</h2>
      <ul class="utrecht-unordered-list">
        {vm.defaults.map((d) => (
          <li class="utrecht-unordered-list__item" key={d}>
            {d}
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2">{t('signals.themes.extra')}</h2>
      {vm.extras.length === 0 ? <p class="utrecht-paragraph">{t('signals.themes.none')}</p> : null}
      <ul class="utrecht-unordered-list">
        {vm.extras.map((theme) => (
          <li class="utrecht-unordered-list__item" key={theme}>
            {theme}{' '}
            <form method="post" action={`${base}/verwijderen`} class="bk-inline-form">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <input type="hidden" name="theme" value={theme} />
              <SubmitButton variant="secondary">
                {t('signals.themes.remove', { theme })}
              </SubmitButton>
            </form>
          </li>
        ))}
      </ul>
      <Form ctx={ctx} action={base} errors={vm.errors}>
        <TextField
          name="theme"
          label={t('signals.themes.name')}
          value={vm.values?.theme}
          error={vm.errors?.theme}
          maxLength={40}
        />
        <SubmitButton>{t('signals.themes.add')}</SubmitButton>
      </Form>
    </Layout>
  );
}
