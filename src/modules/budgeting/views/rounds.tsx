// The rounds of a network and the round form (settings, phases and dates, the ballot).
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Checkbox,
  Form,
  type RadioChoices,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

export interface RoundSummary {
  id: number;
  title: string;
  budget: string;
  phaseLabel: string;
}

export function RoundsPage({
  ctx,
  vm,
}: {
  ctx: ViewContext;
  vm: { network: { id: number; name: string }; rounds: RoundSummary[]; canManage: boolean };
}) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/wijkbudget`;
  const title = t('budget.rounds.title', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('budget.rounds.intro')}</p>
      {vm.canManage ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base}/nieuw`}>
            {t('budget.round.new')}
          </a>
        </p>
      ) : null}
      {vm.rounds.length === 0 ? (
        <p class="utrecht-paragraph">{t('budget.rounds.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {vm.rounds.map((r) => (
            <li class="utrecht-unordered-list__item" key={r.id}>
              <a class="utrecht-link" href={`${base}/${r.id}`}>
                {r.title}
              </a>{' '}
              — {r.budget}, {r.phaseLabel}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface RoundFormViewModel {
  network: { id: number; name: string };
  roundId?: number;
  ballotTypes: { value: string; label: string; hint: string }[];
  /** The rules to choose from (presenters' ruleChoices). */
  rules: RadioChoices;
  ties: { value: string; label: string }[];
}

export function RoundFormPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: RoundFormViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const base = `/netwerk/${vm.network.id}/wijkbudget`;
  const title = vm.roundId ? t('budget.round.edit') : t('budget.round.new');
  const opt = t('budget.optional');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <Form
        ctx={ctx}
        action={vm.roundId ? `${base}/${vm.roundId}/bewerken` : `${base}/nieuw`}
        errors={e}
      >
        <TextField
          name="title"
          label={t('budget.field.title')}
          value={v.title}
          error={e.title}
          required
          maxLength={200}
        />
        <TextArea
          name="description"
          label={t('budget.field.description')}
          value={v.description}
          error={e.description}
          optionalLabel={opt}
          maxLength={4000}
        />
        <TextField
          name="budget"
          label={t('budget.field.budget')}
          description={t('budget.field.budgetHint')}
          value={v.budget}
          error={e.budget}
          required
          inputMode="text"
        />
        <TextField
          name="submissionUntil"
          type="date"
          label={t('budget.field.submissionUntil')}
          value={v.submissionUntil}
          error={e.submissionUntil}
          optionalLabel={opt}
        />
        <TextField
          name="reviewUntil"
          type="date"
          label={t('budget.field.reviewUntil')}
          value={v.reviewUntil}
          error={e.reviewUntil}
          optionalLabel={opt}
        />
        <TextField
          name="votingFrom"
          type="date"
          label={t('budget.field.votingFrom')}
          value={v.votingFrom}
          error={e.votingFrom}
          optionalLabel={opt}
        />
        <TextField
          name="votingUntil"
          type="date"
          label={t('budget.field.votingUntil')}
          value={v.votingUntil}
          error={e.votingUntil}
          optionalLabel={opt}
        />
        <RadioGroup
          name="ballotType"
          label={t('budget.field.ballotType')}
          options={vm.ballotTypes}
          value={v.ballotType}
          error={e.ballotType}
        />
        <TextField
          name="minSelections"
          type="number"
          label={t('budget.field.minSelections')}
          value={v.minSelections}
          error={e.minSelections}
          inputMode="numeric"
        />
        <TextField
          name="maxSelections"
          type="number"
          label={t('budget.field.maxSelections')}
          description={t('budget.field.maxSelectionsHint')}
          value={v.maxSelections}
          error={e.maxSelections}
          inputMode="numeric"
        />
        <TextField
          name="pointsTotal"
          type="number"
          label={t('budget.field.pointsTotal')}
          value={v.pointsTotal}
          error={e.pointsTotal}
          inputMode="numeric"
        />
        <RadioGroup
          name="rule"
          label={t('budget.field.rule')}
          description={t('budget.field.ruleHint')}
          options={vm.rules.options}
          more={vm.rules.more}
          value={v.rule}
          error={e.rule}
        />
        <SelectField
          name="ties"
          label={t('budget.field.ties')}
          options={vm.ties}
          value={v.ties}
          error={e.ties}
        />
        <Checkbox
          name="voteByCode"
          label={t('budget.field.voteByCode')}
          checked={v.voteByCode === 'on'}
        />
        <Checkbox
          name="voteByAccount"
          label={t('budget.field.voteByAccount')}
          checked={v.voteByAccount === 'on'}
        />
        <TextField
          name="minAge"
          type="number"
          label={t('budget.field.minAge')}
          description={t('budget.field.minAgeHint')}
          value={v.minAge}
          error={e.minAge}
          inputMode="numeric"
        />
        <SubmitButton>{t('budget.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}
