// The member pages of the neighbourhood budget: rounds, the round's own page with phase,
// proposals and their review, voting codes, the count; the round and proposal forms; the
// printable letters with voting codes.
import type { FormState } from '../../../platform/forms.js';
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

export interface RoundSummary {
  id: number;
  title: string;
  budget: string;
  phaseLabel: string;
}

export interface ProposalCard {
  id: number;
  title: string;
  description: string;
  place: string;
  cost: string;
  /** "Geschat: € 1.500; aangepast omdat …" when review changed the cost. */
  costChange: { estimate: string; reason: string } | null;
  status: string;
  statusLabel: string;
  reviewReason: string;
  canWithdraw: boolean;
  /** The review form's current values. */
  costInput: string;
}

export interface RoundViewModel {
  network: { id: number; name: string; slug: string };
  round: {
    id: number;
    title: string;
    description: string;
    budget: string;
    phase: string;
    phaseLabel: string;
    dates: { label: string; value: string }[];
    ballotLabel: string;
    rule: string;
    ballots: number;
    frozen: boolean;
  };
  phases: { value: string; label: string }[];
  proposals: ProposalCard[];
  codes: { total: number; used: number } | null;
  canManage: boolean;
  canReview: boolean;
  canPropose: boolean;
  publicPath: string;
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
  rules: { value: string; label: string }[];
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
        <SelectField
          name="rule"
          label={t('budget.field.rule')}
          description={t('budget.field.ruleHint')}
          options={vm.rules}
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

function ProposalBlock({
  ctx,
  vm,
  p,
  reviewState,
}: {
  ctx: ViewContext;
  vm: RoundViewModel;
  p: ProposalCard;
  reviewState: { proposalId: number; state: FormState } | undefined;
}) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/wijkbudget/${vm.round.id}/voorstellen/${p.id}`;
  const state = reviewState?.proposalId === p.id ? reviewState.state : undefined;
  const v = state?.values ?? {};
  const e = state?.errors ?? {};
  return (
    <li class="utrecht-unordered-list__item bk-proposal" key={p.id} id={`voorstel-${p.id}`}>
      <h3 class="utrecht-heading-3">{p.title}</h3>
      <p class="utrecht-paragraph">
        {p.cost}
        {p.place ? ` · ${p.place}` : ''} · {p.statusLabel}
      </p>
      {p.costChange ? (
        <p class="utrecht-paragraph">
          {t('budget.proposal.costChanged', { estimate: p.costChange.estimate })}{' '}
          {p.costChange.reason}
        </p>
      ) : null}
      <p class="utrecht-paragraph">{p.description}</p>
      {p.reviewReason ? (
        <p class="utrecht-paragraph">
          <strong>{t('budget.proposal.reviewReason')}</strong> {p.reviewReason}
        </p>
      ) : null}
      {vm.canReview && !vm.round.frozen && p.status !== 'withdrawn' ? (
        <details open={state !== undefined}>
          <summary>{t('budget.review.title')}</summary>
          <Form ctx={ctx} action={`${base}/beoordelen`} errors={e}>
            <RadioGroup
              name="decision"
              label={t('budget.review.decision')}
              options={[
                { value: 'accepted', label: t('budget.status.accepted') },
                { value: 'rejected', label: t('budget.status.rejected') },
              ]}
              value={v.decision ?? (p.status === 'rejected' ? 'rejected' : 'accepted')}
              error={e.decision}
            />
            <TextArea
              name="reason"
              label={t('budget.review.reason')}
              description={t('budget.review.reasonHint')}
              value={v.reason ?? p.reviewReason}
              error={e.reason}
              maxLength={2000}
              rows={3}
            />
            <TextField
              name="cost"
              label={t('budget.review.cost')}
              value={v.cost ?? p.costInput}
              error={e.cost}
            />
            <TextArea
              name="costReason"
              label={t('budget.review.costReason')}
              value={v.costReason ?? p.costChange?.reason ?? ''}
              error={e.costReason}
              maxLength={1000}
              rows={2}
              optionalLabel={t('budget.optional')}
            />
            <SubmitButton>{t('budget.review.save')}</SubmitButton>
          </Form>
        </details>
      ) : null}
      {p.canWithdraw ? (
        <Form ctx={ctx} action={`${base}/intrekken`}>
          <SubmitButton variant="secondary">{t('budget.proposal.withdraw')}</SubmitButton>
        </Form>
      ) : null}
    </li>
  );
}

export function RoundPage({
  ctx,
  vm,
  reviewState,
  phaseError,
}: {
  ctx: ViewContext;
  vm: RoundViewModel;
  reviewState?: { proposalId: number; state: FormState } | undefined;
  phaseError?: string | undefined;
}) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/wijkbudget/${vm.round.id}`;
  const r = vm.round;
  return (
    <Layout ctx={ctx} title={r.title}>
      <h1 class="utrecht-heading-1">{r.title}</h1>
      <p class="utrecht-paragraph">
        {t('budget.round.summary', { budget: r.budget, phase: r.phaseLabel })}
      </p>
      {r.description ? <p class="utrecht-paragraph">{r.description}</p> : null}
      <dl class="bk-facts">
        {r.dates.map((d) => (
          <div key={d.label}>
            <dt>{d.label}</dt>
            <dd>{d.value}</dd>
          </div>
        ))}
        <div>
          <dt>{t('budget.field.ballotType')}</dt>
          <dd>{r.ballotLabel}</dd>
        </div>
        <div>
          <dt>{t('budget.field.rule')}</dt>
          <dd>{r.rule}</dd>
        </div>
        <div>
          <dt>{t('budget.round.ballots')}</dt>
          <dd>{r.ballots}</dd>
        </div>
      </dl>
      {r.frozen ? <p class="utrecht-paragraph">{t('budget.round.frozen')}</p> : null}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={vm.publicPath}>
          {t('budget.round.publicPage')}
        </a>
      </p>
      {vm.canManage ? (
        <section>
          <h2 class="utrecht-heading-2">{t('budget.manage.title')}</h2>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`${base}/bewerken`}>
              {t('budget.round.edit')}
            </a>
          </p>
          <Form
            ctx={ctx}
            action={`${base}/fase`}
            errors={phaseError ? { phase: phaseError } : undefined}
          >
            <SelectField
              name="phase"
              label={t('budget.phase.change')}
              options={vm.phases}
              value={r.phase}
              error={phaseError}
            />
            <SubmitButton variant="secondary">{t('budget.phase.save')}</SubmitButton>
          </Form>
          {r.phase === 'counting' ? (
            <Form ctx={ctx} action={`${base}/tellen`}>
              <p class="utrecht-paragraph">{t('budget.count.intro')}</p>
              <SubmitButton>{t('budget.count.start')}</SubmitButton>
            </Form>
          ) : null}
          {vm.codes ? (
            <>
              <h3 class="utrecht-heading-3">{t('budget.codes.title')}</h3>
              <p class="utrecht-paragraph">
                {t('budget.codes.counts', { total: vm.codes.total, used: vm.codes.used })}
              </p>
              <Form ctx={ctx} action={`${base}/codes`}>
                <TextField
                  name="count"
                  type="number"
                  label={t('budget.codes.count')}
                  description={t('budget.codes.countHint')}
                  inputMode="numeric"
                />
                <SubmitButton variant="secondary">{t('budget.codes.generate')}</SubmitButton>
              </Form>
              {vm.codes.total > 0 ? (
                <ul class="utrecht-unordered-list">
                  <li class="utrecht-unordered-list__item">
                    <a class="utrecht-link" href={`${base}/codes/print`}>
                      {t('budget.codes.print')}
                    </a>
                  </li>
                  <li class="utrecht-unordered-list__item">
                    <a class="utrecht-link" href={`${base}/codes.csv`}>
                      {t('budget.codes.csv')}
                    </a>
                  </li>
                  <li class="utrecht-unordered-list__item">
                    <a class="utrecht-link" href={`${base}/codes.pdf`}>
                      {t('budget.codes.pdf')}
                    </a>
                  </li>
                </ul>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}
      <h2 class="utrecht-heading-2">{t('budget.proposals.title')}</h2>
      {vm.canPropose ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base}/voorstellen/nieuw`}>
            {t('budget.proposal.add')}
          </a>
        </p>
      ) : null}
      {vm.proposals.length === 0 ? (
        <p class="utrecht-paragraph">{t('budget.proposals.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list bk-proposals">
          {vm.proposals.map((p) => (
            <ProposalBlock ctx={ctx} vm={vm} p={p} reviewState={reviewState} key={p.id} />
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** A refusal that explains itself: the round has ballots, so nothing about it may change. */
export function FrozenPage({ ctx, back }: { ctx: ViewContext; back: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('budget.frozen.title')}>
      <h1 class="utrecht-heading-1">{t('budget.frozen.title')}</h1>
      <p class="utrecht-paragraph">{t('budget.frozen.text')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={back}>
          {t('budget.back')}
        </a>
      </p>
    </Layout>
  );
}

export interface LetterViewModel {
  roundTitle: string;
  networkName: string;
  votingUntil: string;
  url: string;
  minAge: number;
  codes: string[];
}

/** One letter per code, for printing (each on its own page). */
export function LettersPage({ ctx, vm }: { ctx: ViewContext; vm: LetterViewModel }) {
  const { t } = ctx;
  const title = t('budget.letter.pageTitle', { round: vm.roundTitle });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1 bk-no-print">{title}</h1>
      {vm.codes.map((code) => (
        <article class="bk-letter" key={code}>
          <h2 class="utrecht-heading-2">{t('budget.letter.heading', { round: vm.roundTitle })}</h2>
          {letterParagraphs(t, vm).map((p) => (
            <p class="utrecht-paragraph" key={p}>
              {p}
            </p>
          ))}
          <p class="utrecht-paragraph">
            {t('budget.letter.yourCode')} <strong class="bk-code">{code}</strong>
          </p>
          <p class="utrecht-paragraph">
            {t('budget.letter.address')} <strong>{vm.url}</strong>
          </p>
        </article>
      ))}
    </Layout>
  );
}

/** The explanation on every letter, in plain Dutch (shared by the print page and the PDF). */
export function letterParagraphs(t: ViewContext['t'], vm: LetterViewModel): string[] {
  return [
    t('budget.letter.p1', { network: vm.networkName }),
    t('budget.letter.p2'),
    vm.votingUntil ? t('budget.letter.until', { date: vm.votingUntil }) : '',
    vm.minAge > 0 ? t('budget.letter.age', { age: vm.minAge }) : '',
    t('budget.letter.secret'),
  ].filter((p) => p !== '');
}
