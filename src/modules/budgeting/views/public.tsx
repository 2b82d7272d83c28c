// The public pages of a budget round: the round with its proposals, voting (code → ballot →
// review → receipt, all without JavaScript) and the results with their explanations.
import type { FormErrors } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Form, fieldId, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

export interface PublicProposal {
  id: number;
  title: string;
  description: string;
  place: string;
  cost: string;
  costCents: number;
  costChange: { estimate: string; reason: string } | null;
  reviewReason: string;
}

export interface PublicRoundViewModel {
  base: string;
  network: { name: string; slug: string };
  title: string;
  description: string;
  budget: string;
  phaseLabel: string;
  dates: { label: string; value: string }[];
  accepted: PublicProposal[];
  rejected: PublicProposal[];
  submitted: PublicProposal[];
  voting: boolean;
  hasResults: boolean;
}

function ProposalText({ ctx, p }: { ctx: ViewContext; p: PublicProposal }) {
  return (
    <>
      <p class="utrecht-paragraph">
        {p.cost}
        {p.place ? ` · ${p.place}` : ''}
      </p>
      {p.costChange ? (
        <p class="utrecht-paragraph">
          {ctx.t('budget.proposal.costChanged', { estimate: p.costChange.estimate })}{' '}
          {p.costChange.reason}
        </p>
      ) : null}
      <p class="utrecht-paragraph">{p.description}</p>
    </>
  );
}

export function PublicRoundPage({ ctx, vm }: { ctx: ViewContext; vm: PublicRoundViewModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={vm.title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/buurt/${vm.network.slug}`}>
          {vm.network.name}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{vm.title}</h1>
      <p class="utrecht-paragraph">
        {t('budget.round.summary', { budget: vm.budget, phase: vm.phaseLabel })}
      </p>
      {vm.description ? <p class="utrecht-paragraph">{vm.description}</p> : null}
      <dl class="bk-facts">
        {vm.dates.map((d) => (
          <div key={d.label}>
            <dt>{d.label}</dt>
            <dd>{d.value}</dd>
          </div>
        ))}
      </dl>
      {vm.voting ? (
        <p class="utrecht-paragraph">
          <a
            class="utrecht-button-link utrecht-button-link--primary-action"
            href={`${vm.base}/stemmen`}
          >
            {t('budget.vote.start')}
          </a>
        </p>
      ) : null}
      {vm.hasResults ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${vm.base}/uitslag`}>
            {t('budget.results.link')}
          </a>
        </p>
      ) : null}
      <h2 class="utrecht-heading-2">{t('budget.public.accepted')}</h2>
      {vm.accepted.length === 0 ? (
        <p class="utrecht-paragraph">{t('budget.proposals.none')}</p>
      ) : null}
      {vm.accepted.map((p) => (
        <section class="bk-proposal" key={p.id}>
          <h3 class="utrecht-heading-3">{p.title}</h3>
          <ProposalText ctx={ctx} p={p} />
        </section>
      ))}
      {vm.submitted.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('budget.public.submitted')}</h2>
          {vm.submitted.map((p) => (
            <section class="bk-proposal" key={p.id}>
              <h3 class="utrecht-heading-3">{p.title}</h3>
              <ProposalText ctx={ctx} p={p} />
            </section>
          ))}
        </>
      ) : null}
      {vm.rejected.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('budget.public.rejected')}</h2>
          {vm.rejected.map((p) => (
            <section class="bk-proposal" key={p.id}>
              <h3 class="utrecht-heading-3">{p.title}</h3>
              <ProposalText ctx={ctx} p={p} />
              <p class="utrecht-paragraph">
                <strong>{t('budget.proposal.reviewReason')}</strong> {p.reviewReason}
              </p>
            </section>
          ))}
        </>
      ) : null}
    </Layout>
  );
}

export interface VoteStartViewModel {
  base: string;
  title: string;
  byCode: boolean;
  /** Signed in and allowed to vote with the account. */
  byAccount: boolean;
  alreadyVotedByAccount: boolean;
  demoCodes: string[];
}

export function VoteStartPage({
  ctx,
  vm,
  errors,
  code,
}: {
  ctx: ViewContext;
  vm: VoteStartViewModel;
  errors?: FormErrors | undefined;
  code?: string | undefined;
}) {
  const { t } = ctx;
  const title = t('budget.vote.title', { round: vm.title });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('budget.vote.intro')}</p>
      {vm.byCode ? (
        <Form ctx={ctx} action={`${vm.base}/stemmen`} errors={errors}>
          <TextField
            name="code"
            label={t('budget.vote.code')}
            description={t('budget.vote.codeHint')}
            value={code}
            error={errors?.code}
            autocomplete="off"
            maxLength={40}
            required
          />
          <SubmitButton>{t('budget.vote.next')}</SubmitButton>
        </Form>
      ) : null}
      {vm.byAccount ? (
        vm.alreadyVotedByAccount ? (
          <p class="utrecht-paragraph">{t('budget.vote.accountVoted')}</p>
        ) : (
          <Form ctx={ctx} action={`${vm.base}/stemmen/stembiljet`}>
            <input type="hidden" name="via" value="account" />
            <p class="utrecht-paragraph">{t('budget.vote.accountIntro')}</p>
            <SubmitButton variant="secondary">{t('budget.vote.withAccount')}</SubmitButton>
          </Form>
        )
      ) : null}
      {vm.demoCodes.length > 0 ? (
        <aside class="bk-demo">
          <h2 class="utrecht-heading-2">{t('budget.vote.demoCodes')}</h2>
          <ul class="utrecht-unordered-list">
            {vm.demoCodes.map((c) => (
              <li class="utrecht-unordered-list__item" key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
    </Layout>
  );
}

export interface BallotViewModel {
  base: string;
  title: string;
  ballotType: 'approval-budget' | 'approval-k' | 'points';
  budget: string;
  budgetCents: number;
  rulesText: string;
  pointsTotal: number;
  proposals: PublicProposal[];
  /** Proposal id → points (1 when ticked). */
  choices: Record<string, number>;
  /** The hidden fields that carry the voter (code or via=account) and the form's key. */
  hidden: Record<string, string>;
}

/** Hidden fields as inputs. */
function Hidden({ fields }: { fields: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields).map(([k, v]) => (
        <input type="hidden" name={k} value={v} key={k} />
      ))}
    </>
  );
}

export function BallotPage({
  ctx,
  vm,
  error,
}: {
  ctx: ViewContext;
  vm: BallotViewModel;
  error?: string | undefined;
}) {
  const { t } = ctx;
  const title = t('budget.ballot.title', { round: vm.title });
  const points = vm.ballotType === 'points';
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{vm.rulesText}</p>
      <Form
        ctx={ctx}
        action={`${vm.base}/stemmen/controle`}
        errors={error ? { choices: error } : undefined}
      >
        <Hidden fields={vm.hidden} />
        <fieldset
          class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset bk-ballot"
          id={fieldId('choices')}
          data-budget-cents={
            vm.ballotType === 'approval-budget' ? String(vm.budgetCents) : undefined
          }
        >
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t('budget.ballot.legend')}
          </legend>
          {error ? <div class="utrecht-form-field-error-message">{error}</div> : null}
          {vm.proposals.map((p) => (
            <div class="utrecht-form-field bk-ballot-item" key={p.id}>
              {points ? (
                <>
                  <div class="utrecht-form-field__label">
                    <label class="utrecht-form-label" for={`points-${p.id}`}>
                      {p.title} — {p.cost}
                    </label>
                  </div>
                  <div class="utrecht-form-field__input">
                    <input
                      class="utrecht-textbox utrecht-textbox--html-input bk-points"
                      type="number"
                      min="0"
                      max={String(vm.pointsTotal)}
                      inputMode="numeric"
                      id={`points-${p.id}`}
                      name={`points_${p.id}`}
                      value={String(vm.choices[String(p.id)] ?? 0)}
                      aria-describedby={`about-${p.id}`}
                    />
                  </div>
                </>
              ) : (
                <>
                  <div class="utrecht-form-field__input">
                    <input
                      class="utrecht-checkbox utrecht-checkbox--html-input"
                      type="checkbox"
                      id={`choice-${p.id}`}
                      name="choice"
                      value={String(p.id)}
                      checked={(vm.choices[String(p.id)] ?? 0) > 0}
                      data-cost-cents={String(p.costCents)}
                      aria-describedby={`about-${p.id}`}
                    />
                  </div>
                  <div class="utrecht-form-field__label">
                    <label
                      class="utrecht-form-label utrecht-form-label--checkbox"
                      for={`choice-${p.id}`}
                    >
                      {p.title} — {p.cost}
                    </label>
                  </div>
                </>
              )}
              <div class="utrecht-form-field-description" id={`about-${p.id}`}>
                {p.place ? `${p.place}. ` : ''}
                {p.description}
              </div>
            </div>
          ))}
        </fieldset>
        {vm.ballotType === 'approval-budget' ? (
          <p
            class="utrecht-paragraph bk-meter"
            id="budget-meter"
            aria-live="polite"
            data-text={t('budget.ballot.meter')}
            data-over={t('budget.ballot.meterOver')}
            hidden
          />
        ) : null}
        <SubmitButton>{t('budget.ballot.review')}</SubmitButton>
      </Form>
      {vm.ballotType === 'approval-budget' ? (
        <script src={ctx.asset('budget-meter.js')} defer />
      ) : null}
    </Layout>
  );
}

export interface ReviewViewModel {
  base: string;
  title: string;
  chosen: { title: string; cost: string; points: number | null }[];
  total: string;
  /** The voter, the form's key and, for points ballots, the points fields. */
  hidden: Record<string, string>;
  /** For approval ballots: the chosen proposal ids (hidden `choice` fields). */
  choiceIds: string[];
}

export function ReviewPage({ ctx, vm }: { ctx: ViewContext; vm: ReviewViewModel }) {
  const { t } = ctx;
  const title = t('budget.reviewBallot.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('budget.reviewBallot.intro', { round: vm.title })}</p>
      <ul class="utrecht-unordered-list">
        {vm.chosen.map((c) => (
          <li class="utrecht-unordered-list__item" key={c.title}>
            {c.title} — {c.cost}
            {c.points !== null ? ` — ${t('budget.reviewBallot.points', { points: c.points })}` : ''}
          </li>
        ))}
      </ul>
      <p class="utrecht-paragraph">{t('budget.reviewBallot.total', { total: vm.total })}</p>
      <Form ctx={ctx} action={`${vm.base}/stemmen/insturen`}>
        <Hidden fields={vm.hidden} />
        {vm.choiceIds.map((id) => (
          <input type="hidden" name="choice" value={id} key={id} />
        ))}
        <SubmitButton>{t('budget.reviewBallot.submit')}</SubmitButton>
      </Form>
      <Form ctx={ctx} action={`${vm.base}/stemmen/stembiljet`}>
        <Hidden fields={vm.hidden} />
        {vm.choiceIds.map((id) => (
          <input type="hidden" name="choice" value={id} key={id} />
        ))}
        <SubmitButton variant="secondary">{t('budget.reviewBallot.change')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function ReceiptPage({
  ctx,
  vm,
}: {
  ctx: ViewContext;
  vm: { base: string; title: string; receipt: string; castOn: string };
}) {
  const { t } = ctx;
  const title = t('budget.receipt.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">
        {t('budget.receipt.text', { round: vm.title, date: vm.castOn })}
      </p>
      <p class="utrecht-paragraph">
        {t('budget.receipt.number')} <strong class="bk-code">{vm.receipt}</strong>
      </p>
      <p class="utrecht-paragraph">{t('budget.receipt.keep')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={vm.base}>
          {t('budget.back')}
        </a>
      </p>
    </Layout>
  );
}

/** A page that refuses a vote with a reason (used code, closed round, too many tries). */
export function VoteRefusedPage({
  ctx,
  vm,
}: {
  ctx: ViewContext;
  vm: { base: string; message: string };
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('budget.refused.title')}>
      <h1 class="utrecht-heading-1">{t('budget.refused.title')}</h1>
      <p class="utrecht-paragraph">{vm.message}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={vm.base}>
          {t('budget.back')}
        </a>
      </p>
    </Layout>
  );
}

export interface ResultRow {
  id: string;
  title: string;
  cost: string;
  votes: number;
  funded: boolean;
  fundedByGreedy: boolean;
  explanation: string[];
}

export interface ResultsViewModel {
  base: string;
  title: string;
  ruleLabel: string;
  ballots: number;
  budget: string;
  used: string;
  left: string;
  funded: ResultRow[];
  notFunded: ResultRow[];
  rows: ResultRow[];
  election: string[];
  greedyFunded: string[];
  coverage: string;
  greedyCoverage: string;
  receiptCheck: { receipt: string; found: boolean } | null;
}

export function ResultsPage({ ctx, vm }: { ctx: ViewContext; vm: ResultsViewModel }) {
  const { t } = ctx;
  const title = t('budget.results.title', { round: vm.title });
  const yes = t('budget.yes');
  const no = t('budget.no');
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">
        {t('budget.results.summary', {
          ballots: vm.ballots,
          budget: vm.budget,
          used: vm.used,
          left: vm.left,
        })}
      </p>
      <p class="utrecht-paragraph">{t('budget.results.rule', { rule: vm.ruleLabel })}</p>
      {vm.election.map((line) => (
        <p class="utrecht-paragraph" key={line}>
          {line}
        </p>
      ))}
      <h2 class="utrecht-heading-2">{t('budget.results.funded')}</h2>
      {vm.funded.map((r) => (
        <section class="bk-result" key={r.id}>
          <h3 class="utrecht-heading-3">
            {r.title} — {r.cost}
          </h3>
          <ul class="utrecht-unordered-list">
            {r.explanation.map((line) => (
              <li class="utrecht-unordered-list__item" key={line}>
                {line}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2 class="utrecht-heading-2">{t('budget.results.notFunded')}</h2>
      {vm.notFunded.length === 0 ? (
        <p class="utrecht-paragraph">{t('budget.results.allFunded')}</p>
      ) : null}
      {vm.notFunded.map((r) => (
        <section class="bk-result" key={r.id}>
          <h3 class="utrecht-heading-3">
            {r.title} — {r.cost}
          </h3>
          <ul class="utrecht-unordered-list">
            {r.explanation.map((line) => (
              <li class="utrecht-unordered-list__item" key={line}>
                {line}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2 class="utrecht-heading-2">{t('budget.results.table')}</h2>
      <div class="bk-table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('budget.results.tableCaption')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {t('budget.results.col.project')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('budget.results.col.cost')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('budget.results.col.votes')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('budget.results.col.funded')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('budget.results.col.greedy')}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {vm.rows.map((r) => (
              <tr class="utrecht-table__row" key={r.id}>
                <th class="utrecht-table__header-cell" scope="row">
                  {r.title}
                </th>
                <td class="utrecht-table__cell">{r.cost}</td>
                <td class="utrecht-table__cell utrecht-table__cell--numeric-column">{r.votes}</td>
                <td class="utrecht-table__cell">{r.funded ? yes : no}</td>
                <td class="utrecht-table__cell">{r.fundedByGreedy ? yes : no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 class="utrecht-heading-2">{t('budget.results.compare')}</h2>
      <p class="utrecht-paragraph">{t('budget.results.greedyIntro')}</p>
      <ul class="utrecht-unordered-list">
        {vm.greedyFunded.map((title) => (
          <li class="utrecht-unordered-list__item" key={title}>
            {title}
          </li>
        ))}
      </ul>
      <p class="utrecht-paragraph">
        {t('budget.results.coverage', { rule: vm.coverage, greedy: vm.greedyCoverage })}
      </p>
      <h2 class="utrecht-heading-2">{t('budget.results.check')}</h2>
      <p class="utrecht-paragraph">{t('budget.results.download')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${vm.base}/uitslag.pb`} download>
          {t('budget.results.downloadLink')}
        </a>
      </p>
      <form method="get" action={`${vm.base}/uitslag`} class="utrecht-form bk-form">
        <TextField
          name="bewijs"
          label={t('budget.results.receipt')}
          value={vm.receiptCheck?.receipt}
          maxLength={20}
        />
        <SubmitButton variant="secondary">{t('budget.results.receiptCheck')}</SubmitButton>
      </form>
      {vm.receiptCheck ? (
        <p class="utrecht-paragraph" role="status">
          {vm.receiptCheck.found
            ? t('budget.results.receiptFound')
            : t('budget.results.receiptNotFound')}
        </p>
      ) : null}
    </Layout>
  );
}
