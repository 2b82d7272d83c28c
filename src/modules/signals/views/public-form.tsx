// The public form: anyone may tell the network what is going on.
import type { FormErrors, FormValues } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Form, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

export interface PublicSignalViewModel {
  network: { name: string; slug: string };
  token: string;
  errors?: FormErrors | undefined;
  values?: FormValues | undefined;
  sent?: boolean;
}

export function PublicSignalPage({ ctx, vm }: { ctx: ViewContext; vm: PublicSignalViewModel }) {
  const { t } = ctx;
  const v = vm.values ?? {};
  const e = vm.errors ?? {};
  if (vm.sent) {
    return (
      <Layout ctx={ctx} title={t('signals.public.thanks.title')}>
        <h1 class="utrecht-heading-1">{t('signals.public.thanks.title')}</h1>
        <p class="utrecht-paragraph">{t('signals.public.thanks.text')}</p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/buurt/${vm.network.slug}`}>
            {t('signals.public.back')}
          </a>
        </p>
      </Layout>
    );
  }
  const title = t('signals.public.title', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('signals.public.intro')}</p>
      <Form ctx={ctx} action={`/buurt/${vm.network.slug}/signaal`} errors={vm.errors}>
        <input type="hidden" name="token" value={vm.token} />
        <TextArea
          name="what"
          label={t('signals.public.what')}
          value={v.what}
          error={e.what}
          maxLength={2000}
          required
        />
        <TextField
          name="where"
          label={t('signals.public.where')}
          value={v.where}
          error={e.where}
          maxLength={120}
        />
        <TextField
          name="email"
          type="email"
          autocomplete="email"
          label={t('signals.public.email')}
          optionalLabel={t('form.optional')}
          value={v.email}
          error={e.email}
          maxLength={200}
        />
        <div class="bk-visually-hidden" aria-hidden="true">
          <label for="field-website">{t('signals.public.honeypot')}</label>
          <input
            id="field-website"
            name="website"
            type="text"
            tabIndex={-1}
            autocomplete="off"
            value=""
          />
        </div>
        <SubmitButton>{t('signals.public.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
