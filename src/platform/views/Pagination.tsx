// The one pagination of every list: where one is, how many there are, and the pages before
// and after (plain links, so it works without JavaScript and the address can be shared).
import type { PageModel } from '../pagination.js';
import type { ViewContext } from './context.js';

export function Pagination({ ctx, model }: { ctx: Pick<ViewContext, 't'>; model: PageModel }) {
  const { t } = ctx;
  if (model.pages <= 1) return null;
  return (
    <nav class="bk-pagination" aria-label={t('pagination.label')}>
      <p class="utrecht-paragraph">
        {t('pagination.page', { page: model.page, pages: model.pages, total: model.total })}
      </p>
      <ul class="bk-pagination__links">
        {model.previousHref ? (
          <li>
            <a class="utrecht-link" href={model.previousHref} rel="prev">
              {t('pagination.previous')}
            </a>
          </li>
        ) : null}
        {model.nextHref ? (
          <li>
            <a class="utrecht-link" href={model.nextHref} rel="next">
              {t('pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
