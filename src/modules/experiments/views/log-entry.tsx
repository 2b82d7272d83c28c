// Changing one logbook entry: its kind, date and text.
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

export interface LogEntryFormViewModel {
  /** The experiment's page; the form posts to `${experimentPath}/logboek/${entryId}/bewerken`. */
  experimentPath: string;
  experimentTitle: string;
  entryId: number;
  logKinds: { value: string; label: string }[];
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
      >
        <SelectField
          name="kind"
          label={t('experiments.logKind')}
          options={vm.logKinds}
          value={v.kind}
          error={e.kind}
        />
        <TextField
          name="happenedOn"
          type="date"
          label={t('experiments.logDate')}
          value={v.happenedOn}
          error={e.happenedOn}
        />
        <TextArea
          name="text"
          label={t('experiments.logText')}
          value={v.text}
          error={e.text}
          maxLength={4000}
        />
        <SubmitButton>{t('experiments.logEditSave')}</SubmitButton>
      </Form>
    </Layout>
  );
}
