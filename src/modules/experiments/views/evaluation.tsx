// The evaluation of an experiment: what it gave, and at least one lesson for the library.
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Form, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

export interface EvaluationViewModel {
  network: { id: number };
  id: number;
  title: string;
  lessonRows: number;
}

export function EvaluationPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: EvaluationViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const title = t('experiments.evaluationTitle', { title: vm.title });
  const rows = Array.from({ length: vm.lessonRows }, (_, i) => i + 1);
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <Form
        ctx={ctx}
        action={`/netwerk/${vm.network.id}/experimenten/${vm.id}/evaluatie`}
        errors={state.errors}
      >
        <TextArea
          name="evaluation"
          label={t('experiments.evaluationField')}
          value={v.evaluation}
          error={e.evaluation}
          rows={6}
          maxLength={10000}
        />
        <p class="utrecht-paragraph">{t('experiments.lessonsIntro')}</p>
        {rows.map((n) => (
          <fieldset
            key={n}
            class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--distanced"
          >
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {t('experiments.lesson', { n })}
            </legend>
            <TextField
              name={`lesson${n}Title`}
              label={t('experiments.lessonTitle', { n })}
              value={v[`lesson${n}Title`]}
              error={e[`lesson${n}Title`]}
              maxLength={200}
            />
            <TextArea
              name={`lesson${n}Body`}
              label={t('experiments.lessonBody', { n })}
              value={v[`lesson${n}Body`]}
              error={e[`lesson${n}Body`]}
              maxLength={4000}
              rows={3}
            />
            <TextArea
              name={`lesson${n}Differently`}
              label={t('experiments.lessonDifferently', { n })}
              optionalLabel={t('experiments.optional')}
              value={v[`lesson${n}Differently`]}
              error={e[`lesson${n}Differently`]}
              maxLength={4000}
              rows={3}
            />
          </fieldset>
        ))}
        <SubmitButton>{t('experiments.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}
