// The page of a new signal: the signal form with who raised it, where, and whether it is
// person-bound.
import type { FormErrors, FormValues } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Checkbox, RadioGroup } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { NetworkRef, Option } from './shared.js';
import { SignalForm } from './signal-form.js';

export interface NewSignalViewModel {
  network: NetworkRef;
  themeOptions: Option[];
  raisedByOptions: Option[];
  originOptions: Option[];
  errors?: FormErrors | undefined;
  values?: FormValues | undefined;
  /** Personal details found in the text: shown as a warning; submitting again confirms. */
  warnings?: string[] | undefined;
  fingerprint?: string | undefined;
}

export function NewSignalPage({ ctx, vm }: { ctx: ViewContext; vm: NewSignalViewModel }) {
  const { t } = ctx;
  const v = vm.values ?? {};
  const e = vm.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('signals.new.title')}>
      <h1 class="utrecht-heading-1">{t('signals.new.title')}</h1>
      <p class="utrecht-paragraph">{t('signals.new.intro')}</p>
      <SignalForm
        ctx={ctx}
        action={`/netwerk/${vm.network.id}/signalen/nieuw`}
        state={{ errors: vm.errors, values: vm.values }}
        themeOptions={vm.themeOptions}
        themePlaceholder
        warnings={vm.warnings}
        fingerprint={vm.fingerprint}
        submitLabel={t('signals.field.submit')}
      >
        <RadioGroup
          name="raisedBy"
          label={t('signals.field.raisedBy')}
          options={vm.raisedByOptions}
          value={v.raisedBy}
          error={e.raisedBy}
        />
        <RadioGroup
          name="origin"
          label={t('signals.field.origin')}
          options={vm.originOptions}
          value={v.origin}
          error={e.origin}
        />
        <Checkbox
          name="personBound"
          label={t('signals.field.personBound')}
          description={t('signals.field.personBound.hint')}
          checked={v.personBound === 'on'}
          error={e.personBound}
        />
      </SignalForm>
    </Layout>
  );
}
