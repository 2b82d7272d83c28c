// The form of a new proposal (members, during submission).
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Form, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

export function ProposalFormPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: { network: { id: number }; round: { id: number; title: string } };
  state: FormState;
}) {
  const { t } = ctx;
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const title = t('budget.proposal.new', { round: vm.round.title });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('budget.proposal.intro')}</p>
      <Form
        ctx={ctx}
        action={`/netwerk/${vm.network.id}/wijkbudget/${vm.round.id}/voorstellen/nieuw`}
        errors={e}
      >
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
        <SubmitButton>{t('budget.proposal.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
