// The public page of a budget round: the round with its proposals.
import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/Layout.js';
import { Realisation, type RealisationProject } from './realisation.js';

export interface PublicProposal {
  id: number;
  title: string;
  description: string;
  place: string;
  cost: string;
  costCents: number;
  costChange: { estimate: string; reason: string } | null;
  reviewReason: string;
  /** The proposal's photo; `alt` empty: the general alt text. */
  photo: { url: string; alt: string } | null;
}

/** A proposal's photo with its alt text (the sender's description, marked Dutch). */
export function ProposalPhoto({
  ctx,
  photo,
}: {
  ctx: ViewContext;
  photo: PublicProposal['photo'];
}) {
  if (!photo) return null;
  return (
    <img
      class="bk-spark__photo"
      src={photo.url}
      alt={photo.alt || ctx.t('budget.photo.alt')}
      lang={photo.alt ? 'nl' : undefined}
    />
  );
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
  /** The calculator with this round's pabulib file offered (shown once it is counted). */
  recountPath: string;
  /** The public proposal form is open (submission phase). */
  canPropose: boolean;
  /** Realisation updates of funded projects (empty when there are none or all are done). */
  realisation: RealisationProject[];
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
      <ProposalPhoto ctx={ctx} photo={p.photo} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/melden/proposal/${p.id}`} rel="nofollow">
          {ctx.t('budget.public.report')}
        </a>
      </p>
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
          {' · '}
          <a class="utrecht-link" href={vm.recountPath}>
            {t('budget.results.recount')}
          </a>
        </p>
      ) : null}
      {vm.canPropose ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${vm.base}/voorstel`}>
            {t('budget.public.propose')}
          </a>
        </p>
      ) : null}
      <Realisation ctx={ctx} projects={vm.realisation} />
      <h2 class="utrecht-heading-2">{t('budget.public.accepted')}</h2>
      {vm.accepted.length === 0 ? (
        <p class="utrecht-paragraph">{t('budget.proposals.none')}</p>
      ) : null}
      {vm.accepted.map((p) => (
        <section class="bk-proposal" id={`voorstel-${p.id}`} key={p.id}>
          <h3 class="utrecht-heading-3">{p.title}</h3>
          <ProposalText ctx={ctx} p={p} />
        </section>
      ))}
      {vm.submitted.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('budget.public.submitted')}</h2>
          {vm.submitted.map((p) => (
            <section class="bk-proposal" id={`voorstel-${p.id}`} key={p.id}>
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
            <section class="bk-proposal" id={`voorstel-${p.id}`} key={p.id}>
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
