// The public page of a budget round: the round with its proposals.
import type { ViewContext } from '../../../platform/views/context.js';
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
