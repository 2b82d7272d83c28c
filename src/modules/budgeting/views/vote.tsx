// Voting, all without JavaScript: code → ballot → review → receipt, or a refusal.
import type { FormErrors } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Form, fieldId, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

import { ProposalPhoto, type PublicProposal } from './public-round.js';

export interface VoteStartViewModel {
  base: string;
  title: string;
  byCode: boolean;
  /** Signed in and allowed to vote with the account. */
  byAccount: boolean;
  alreadyVotedByAccount: boolean;
  /** The round has codes and none is bound to this account yet: it asks for the code once. */
  accountNeedsCode: boolean;
  demoCodes: string[];
}

export function VoteStartPage({
  ctx,
  vm,
  errors,
  code,
  accountCode,
}: {
  ctx: ViewContext;
  vm: VoteStartViewModel;
  errors?: FormErrors | undefined;
  code?: string | undefined;
  accountCode?: string | undefined;
}) {
  const { t } = ctx;
  const title = t('budget.vote.title', { round: vm.title });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('budget.vote.intro')}</p>
      {vm.byCode ? (
        <Form
          ctx={ctx}
          action={`${vm.base}/stemmen`}
          errors={errors?.code ? { code: errors.code } : undefined}
        >
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
          <Form
            ctx={ctx}
            action={`${vm.base}/stemmen/stembiljet`}
            errors={errors?.accountCode ? { accountCode: errors.accountCode } : undefined}
          >
            <input type="hidden" name="via" value="account" />
            <p class="utrecht-paragraph">{t('budget.vote.accountIntro')}</p>
            {vm.accountNeedsCode ? (
              <TextField
                name="accountCode"
                label={t('budget.vote.accountCode')}
                description={t('budget.vote.accountCodeHint')}
                value={accountCode}
                error={errors?.accountCode}
                autocomplete="off"
                maxLength={40}
                required
              />
            ) : null}
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
            <div
              class={`utrecht-form-field bk-ballot-item${points ? '' : ' utrecht-form-field--checkbox'}`}
              key={p.id}
            >
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
              <ProposalPhoto ctx={ctx} photo={p.photo} />
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
