// Editing a signal's texts (by its author or a coordinator); the earlier version is kept.
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { NetworkRef, Option } from './shared.js';
import { SignalForm } from './signal-form.js';

export interface EditSignalViewModel {
  network: NetworkRef;
  signalId: number;
  themeOptions: Option[];
  /** Personal details found in the text: shown as a warning; sending again confirms. */
  warnings?: string[] | undefined;
  fingerprint?: string | undefined;
}

export function EditSignalPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: EditSignalViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const detail = `/netwerk/${vm.network.id}/signalen/${vm.signalId}`;
  return (
    <Layout ctx={ctx} title={t('signals.edit.title')}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={detail}>
          {t('signals.edit.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t('signals.edit.title')}</h1>
      <p class="utrecht-paragraph">{t('signals.edit.intro')}</p>
      <SignalForm
        ctx={ctx}
        action={`${detail}/bewerken`}
        state={state}
        themeOptions={vm.themeOptions}
        warnings={vm.warnings}
        fingerprint={vm.fingerprint}
        submitLabel={t('signals.edit.submit')}
      />
    </Layout>
  );
}
