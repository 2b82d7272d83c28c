// One way to page a list: `?pagina=N` in the URL next to the list's filters, a page size per
// list, and the links to the pages before and after (views/Pagination.tsx shows them).

/** The query parameter that holds the page number (1 is the first page). */
export const PAGE_PARAM = 'pagina';

/** The highest page number read from a URL; more is read as the last page. */
const MAX_PAGE = 100_000;

/** The page number asked for in a query (`?pagina=3`): a whole number ≥ 1, else 1. */
export function pageFromQuery(query: unknown): number {
  const raw = (query as Record<string, unknown> | undefined)?.[PAGE_PARAM];
  const page = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(page, 1), MAX_PAGE);
}

/** What a view needs to show the pages of a list. */
export interface PageModel {
  page: number;
  pages: number;
  total: number;
  previousHref: string | null;
  nextHref: string | null;
}

/**
 * The window of a list of `total` items for the page asked for (clamped to the last page),
 * `size` items per page: `offset` and `limit` for the query, and the page model with links
 * that keep the list's filters (`filters`: the other query parameters, empty ones left out).
 */
export function paginate(
  path: string,
  filters: Record<string, string>,
  asked: number,
  total: number,
  size: number,
): { offset: number; limit: number; model: PageModel } {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, asked), pages);
  return {
    offset: (page - 1) * size,
    limit: size,
    model: pageModel(path, filters, page, pages, total),
  };
}

/** The page model of a list that was paged elsewhere (e.g. by the search query itself). */
export function pageModel(
  path: string,
  filters: Record<string, string>,
  page: number,
  pages: number,
  total: number,
): PageModel {
  const href = (n: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v !== '') params.set(k, v);
    if (n > 1) params.set(PAGE_PARAM, String(n));
    const query = params.toString();
    return query ? `${path}?${query}` : path;
  };
  return {
    page,
    pages,
    total,
    previousHref: page > 1 ? href(page - 1) : null,
    nextHref: page < pages ? href(page + 1) : null,
  };
}
