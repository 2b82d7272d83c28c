// The form for a new signal, with the personal-details warning.
import type { FormErrors, FormValues } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Checkbox,
  Form,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { NetworkRef, Option } from './shared.js';

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
      {vm.warnings && vm.warnings.length > 0 ? (
        <div class="utrecht-alert utrecht-alert--warning bk-warning" role="alert">
          <h2 class="utrecht-heading-2">{t('signals.warning.title')}</h2>
          <p class="utrecht-paragraph">{t('signals.warning.intro')}</p>
          <ul class="utrecht-unordered-list">
            {vm.warnings.map((w) => (
              <li class="utrecht-unordered-list__item" key={w}>
                {w}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form ctx={ctx} action={`/netwerk/${vm.network.id}/signalen/nieuw`} errors={vm.errors}>
        {vm.fingerprint ? <input type="hidden" name="bevestigd" value={vm.fingerprint} /> : null}
        <TextField
          name="title"
          label={t('signals.field.title')}
          value={v.title}
          error={e.title}
          maxLength={120}
          required
        />
        <TextArea
          name="description"
          label={t('signals.field.description')}
          value={v.description}
          error={e.description}
          maxLength={4000}
        />
        <SelectField
          name="theme"
          label={t('signals.field.theme')}
          options={vm.themeOptions}
          value={v.theme}
          error={e.theme}
          placeholder=""
          required
        />
        <TextField
          name="place"
          label={t('signals.field.place')}
          description={t('signals.field.place.hint')}
          value={v.place}
          error={e.place}
          maxLength={120}
        />
        <TextArea
          name="trigger"
          label={t('signals.field.trigger')}
          description={t('signals.field.trigger.hint')}
          value={v.trigger}
          error={e.trigger}
          rows={2}
          maxLength={1000}
        />
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
        <SubmitButton>{t('signals.field.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
