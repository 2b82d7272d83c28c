// The public form: anyone may tell the network what is going on.
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Form,
  PublicFormGuard,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

export interface PublicSignalViewModel {
  network: { name: string; slug: string };
  /** The public form guard's stamp (platform/spam-guard.ts). */
  stamp: string;
}

export function PublicSignalPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: PublicSignalViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const title = t('signals.public.title', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('signals.public.intro')}</p>
      <Form ctx={ctx} action={`/buurt/${vm.network.slug}/signaal`} errors={state.errors}>
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
        <PublicFormGuard ctx={ctx} stamp={vm.stamp} />
        <SubmitButton>{t('signals.public.submit')}</SubmitButton>
      </Form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/buurt/${vm.network.slug}`}>
          {t('signals.public.back')}
        </a>
      </p>
    </Layout>
  );
}
