// Editing a signal's texts (by its author or a coordinator); the earlier version is kept.
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Form,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { NetworkRef, Option } from './shared.js';

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
  const v = state.values ?? {};
  const e = state.errors ?? {};
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
      <Form ctx={ctx} action={`${detail}/bewerken`} errors={state.errors}>
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
        <SubmitButton>{t('signals.edit.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
