import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/Layout.js';
import { type DecisionSummary, type NetworkRef, SummaryItem } from './shared.js';

export interface ListViewModel {
  network: NetworkRef;
  decisions: DecisionSummary[];
  dueCount: number;
  canPropose: boolean;
  canManage: boolean;
}

export function DecisionsPage({ ctx, vm }: { ctx: ViewContext; vm: ListViewModel }) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/besluiten`;
  const title = t('decisions.title', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('decisions.intro')}</p>
      <ul class="utrecht-link-list utrecht-link-list--html-ul bk-links">
        {vm.canPropose ? (
          <li class="utrecht-link-list__item">
            <a class="utrecht-link" href={`${base}/nieuw`}>
              {t('decisions.new')}
            </a>
          </li>
        ) : null}
        <li class="utrecht-link-list__item">
          <a class="utrecht-link" href={`${base}/te-herzien`}>
            {t('decisions.toReview')} ({vm.dueCount})
          </a>
        </li>
        {vm.canManage ? (
          <li class="utrecht-link-list__item">
            <a class="utrecht-link" href={`${base}/instellingen`}>
              {t('decisions.settingsTitle')}
            </a>
          </li>
        ) : null}
      </ul>
      {vm.decisions.length === 0 ? (
        <p class="utrecht-paragraph">{t('decisions.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list bk-decisions">
          {vm.decisions.map((d) => (
            <SummaryItem ctx={ctx} d={d} key={d.id} />
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface ReviewListViewModel {
  network: NetworkRef;
  decisions: DecisionSummary[];
}

export function ReviewListPage({ ctx, vm }: { ctx: ViewContext; vm: ReviewListViewModel }) {
  const { t } = ctx;
  const title = t('decisions.toReviewTitle', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/netwerk/${vm.network.id}/besluiten`}>
          {t('decisions.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('decisions.toReviewIntro')}</p>
      {vm.decisions.length === 0 ? (
        <p class="utrecht-paragraph">{t('decisions.toReviewNone')}</p>
      ) : (
        <ul class="utrecht-unordered-list bk-decisions">
          {vm.decisions.map((d) => (
            <SummaryItem ctx={ctx} d={d} key={d.id} />
          ))}
        </ul>
      )}
    </Layout>
  );
}
