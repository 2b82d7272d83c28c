// The form of a new proposal during submission: for members, and on the public network page
// (then with the public form guard, and without an account).
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
import { PhotoFields } from '../../../platform/views/PhotoFields.js';

export interface ProposalFormViewModel {
  round: { title: string };
  /** Where the form is posted. */
  action: string;
  /** The public form's guard stamp (public page only). */
  stamp?: string | undefined;
  megapixels: number;
}

export function ProposalFormPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: ProposalFormViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const title = t('budget.proposal.new', { round: vm.round.title });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">
        {vm.stamp ? t('budget.public.proposeIntro') : t('budget.proposal.intro')}
      </p>
      <Form ctx={ctx} action={vm.action} errors={e} enctype="multipart/form-data">
        <TextField
          name="title"
          label={t('budget.field.proposalTitle')}
          value={v.title}
          error={e.title}
          required
          maxLength={120}
        />
        <TextArea
          name="description"
          label={t('budget.field.proposalDescription')}
          description={t('budget.field.proposalDescriptionHint')}
          value={v.description}
          error={e.description}
          required
          maxLength={4000}
        />
        <TextField
          name="place"
          label={t('budget.field.place')}
          value={v.place}
          error={e.place}
          optionalLabel={t('budget.optional')}
          maxLength={200}
        />
        <TextField
          name="cost"
          label={t('budget.field.cost')}
          description={t('budget.field.budgetHint')}
          value={v.cost}
          error={e.cost}
          required
        />
        <PhotoFields
          ctx={ctx}
          state={state}
          megapixels={vm.megapixels}
          descriptionHint={t('budget.field.photoDescriptionHint')}
        />
        {vm.stamp ? <PublicFormGuard ctx={ctx} stamp={vm.stamp} /> : null}
        <SubmitButton>{t('budget.proposal.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
