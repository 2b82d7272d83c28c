// Changing one logbook entry: its kind, date, text and photo.
import type { FormErrors, FormState, FormValues } from '../../../platform/forms.js';
import type { Translate } from '../../../platform/i18n/index.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Form,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import { PhotoFields, type ShownPhoto } from '../../../platform/views/PhotoFields.js';

export interface LogEntryFormViewModel {
  /** The experiment's page; the form posts to `${experimentPath}/logboek/${entryId}/bewerken`. */
  experimentPath: string;
  experimentTitle: string;
  entryId: number;
  logKinds: { value: string; label: string }[];
  /** The entry's photo now, if it has one. */
  photo: ShownPhoto | undefined;
  /** The photo's pixel limit, in megapixels. */
  megapixels: number;
}

/** The fields of a logbook entry (kind, date, text), on the add form and the change form. */
export function LogEntryFields({
  t,
  logKinds,
  values,
  errors,
  defaultDate,
}: {
  t: Translate;
  logKinds: { value: string; label: string }[];
  values: FormValues;
  errors: FormErrors;
  /** The date shown when the form has none yet ("YYYY-MM-DD"). */
  defaultDate?: string;
}) {
  return (
    <>
      <SelectField
        name="kind"
        label={t('experiments.logKind')}
        options={logKinds}
        value={values.kind}
        error={errors.kind}
      />
      <TextField
        name="happenedOn"
        type="date"
        label={t('experiments.logDate')}
        value={values.happenedOn ?? defaultDate}
        error={errors.happenedOn}
      />
      <TextArea
        name="text"
        label={t('experiments.logText')}
        value={values.text}
        error={errors.text}
        maxLength={4000}
      />
    </>
  );
}

export function LogEntryFormPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: LogEntryFormViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('experiments.logEditTitle')}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${vm.experimentPath}#logboek-${vm.entryId}`}>
          {vm.experimentTitle}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t('experiments.logEditTitle')}</h1>
      <Form
        ctx={ctx}
        action={`${vm.experimentPath}/logboek/${vm.entryId}/bewerken`}
        errors={state.errors}
        enctype="multipart/form-data"
      >
        <LogEntryFields t={t} logKinds={vm.logKinds} values={v} errors={e} />
        <PhotoFields
          ctx={ctx}
          state={state}
          megapixels={vm.megapixels}
          descriptionHint={t('experiments.photoDescriptionHint')}
          descriptionRequired
          current={vm.photo}
        />
        <SubmitButton>{t('experiments.logEditSave')}</SubmitButton>
      </Form>
    </Layout>
  );
}
