// The round's own page (members): phase, proposals and their review, voting codes, the
// count; and the answer to a change after the first ballot.
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  FileField,
  Form,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import { ProposalPhoto } from './public-round.js';
import { RealisationManager, type RealisationProject } from './realisation.js';

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
  photo: { url: string; alt: string } | null;
  /** Why the coordinator hid it (status hidden; shown to members who still see it). */
  hiddenReason: string;
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
  /** Codes made and used, and how many letters' addresses are still kept. */
  codes: { total: number; used: number; addresses: number } | null;
  canManage: boolean;
  canReview: boolean;
  canPropose: boolean;
  publicPath: string;
  /** Funded projects with their updates, for the coordinator (null before the count). */
  realisation: RealisationProject[] | null;
  megapixels: number;
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
      <h3 class="utrecht-heading-3" lang="nl">
        {p.title}
      </h3>
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
      <ProposalPhoto ctx={ctx} photo={p.photo} />
      {p.hiddenReason ? (
        <p class="utrecht-paragraph">
          <strong>{t('budget.proposal.hiddenReason')}</strong> {p.hiddenReason}
        </p>
      ) : null}
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
  updateState,
  addressError,
}: {
  ctx: ViewContext;
  vm: RoundViewModel;
  reviewState?: { proposalId: number; state: FormState } | undefined;
  phaseError?: string | undefined;
  /** The address list's problem (empty, too long, unreadable). */
  addressError?: string | undefined;
  /** A realisation update form sent back with its errors and input. */
  updateState?: { proposalId: number; state: FormState } | undefined;
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
              <Form
                ctx={ctx}
                action={`${base}/codes/adressen`}
                enctype="multipart/form-data"
                errors={addressError ? { list: addressError } : undefined}
              >
                <FileField
                  name="list"
                  label={t('budget.addresses.field')}
                  description={t('budget.addresses.hint')}
                  error={addressError}
                  accept=".csv,.txt,text/plain,text/csv"
                />
                <SubmitButton variant="secondary">{t('budget.addresses.submit')}</SubmitButton>
              </Form>
              {vm.codes.addresses > 0 ? (
                <Form ctx={ctx} action={`${base}/codes/adressen/wissen`}>
                  <p class="utrecht-paragraph">
                    {t('budget.addresses.kept', { count: vm.codes.addresses })}
                  </p>
                  <SubmitButton variant="secondary">{t('budget.addresses.erase')}</SubmitButton>
                </Form>
              ) : null}
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
      {vm.realisation && vm.canManage ? (
        <RealisationManager
          ctx={ctx}
          base={base}
          projects={vm.realisation}
          updateState={updateState}
          megapixels={vm.megapixels}
        />
      ) : null}
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
