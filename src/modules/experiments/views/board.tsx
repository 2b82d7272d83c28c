// The board of a network's experiments, by status.
import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/Layout.js';

export interface ExperimentSummary {
  id: number;
  title: string;
  question: string;
  period: string;
}

export interface BoardViewModel {
  network: { id: number; name: string };
  columns: { status: string; label: string; items: ExperimentSummary[] }[];
  canCreate: boolean;
}

export function BoardPage({ ctx, vm }: { ctx: ViewContext; vm: BoardViewModel }) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/experimenten`;
  const title = t('experiments.title', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('experiments.intro')}</p>
      {vm.canCreate ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base}/nieuw`}>
            {t('experiments.new')}
          </a>
        </p>
      ) : null}
      <div class="bk-board">
        {vm.columns.map((column) => (
          <section
            class="bk-board__column"
            key={column.status}
            aria-labelledby={`status-${column.status}`}
          >
            <h2 class="utrecht-heading-2" id={`status-${column.status}`}>
              {column.label} ({column.items.length})
            </h2>
            {column.items.length === 0 ? (
              <p class="utrecht-paragraph">{t('experiments.none')}</p>
            ) : (
              <ul class="utrecht-unordered-list">
                {column.items.map((e) => (
                  <li class="utrecht-unordered-list__item" key={e.id}>
                    <a class="utrecht-link" href={`${base}/${e.id}`} lang="nl">
                      {e.title}
                    </a>
                    <br />
                    <span lang="nl">{e.question}</span>
                    <br />
                    {e.period}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </Layout>
  );
}
