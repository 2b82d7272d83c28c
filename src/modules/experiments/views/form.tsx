// The form of a new experiment.
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Checkbox,
  Form,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

export interface ExperimentFormViewModel {
  network: { id: number; name: string };
  members: { personId: number; label: string }[];
}

export function ExperimentFormPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: ExperimentFormViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const chosen = new Set((v.team ?? '').split(','));
  return (
    <Layout ctx={ctx} title={t('experiments.new')}>
      <h1 class="utrecht-heading-1">{t('experiments.new')}</h1>
      <p class="utrecht-paragraph">{vm.network.name}</p>
      <Form ctx={ctx} action={`/netwerk/${vm.network.id}/experimenten/nieuw`} errors={state.errors}>
        <TextField
          name="title"
          label={t('experiments.field.title')}
          value={v.title}
          error={e.title}
          maxLength={200}
        />
        <TextArea
          name="question"
          label={t('experiments.field.question')}
          description={t('experiments.field.questionHint')}
          value={v.question}
          error={e.question}
          maxLength={2000}
          rows={3}
        />
        <TextArea
          name="approach"
          label={t('experiments.field.approach')}
          optionalLabel={t('experiments.optional')}
          value={v.approach}
          error={e.approach}
          maxLength={4000}
        />
        <TextField
          name="startsOn"
          type="date"
          label={t('experiments.field.startsOn')}
          optionalLabel={t('experiments.optional')}
          value={v.startsOn}
          error={e.startsOn}
        />
        <TextField
          name="endsOn"
          type="date"
          label={t('experiments.field.endsOn')}
          optionalLabel={t('experiments.optional')}
          value={v.endsOn}
          error={e.endsOn}
        />
        <TextField
          name="signals"
          label={t('experiments.field.signals')}
          description={t('experiments.field.signalsHint')}
          value={v.signals}
          error={e.signals}
          maxLength={200}
        />
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--distanced">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t('experiments.field.team')}
          </legend>
          <p class="utrecht-paragraph">{t('experiments.field.teamHint')}</p>
          {vm.members.map((m) => (
            <Checkbox
              key={m.personId}
              name={`team-${m.personId}`}
              label={m.label}
              value="on"
              checked={chosen.has(String(m.personId)) || v[`team-${m.personId}`] === 'on'}
            />
          ))}
        </fieldset>
        <SubmitButton>{t('experiments.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}
