// Search: parse → (everyone may search; what they may see is filtered in the query) →
// service → render. A GET form, so results have an address and the back button works.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParam } from '../../platform/access.js';
import { formValues } from '../../platform/forms.js';
import type { ModuleContext } from '../../platform/module.js';
import { pageModel } from '../../platform/pagination.js';
import { fromLocal } from '../../platform/time.js';
import { networkModule } from '../network/index.js';
import { presentHit, typeLabel } from './presenters.js';
import { searchService } from './service.js';
import { SearchPage, type SearchViewModel } from './views/pages.js';

const open = { config: { policy: 'public' as const } };
const day = /^\d{4}-\d{2}-\d{2}$/;

const querySchema = z.object({
  q: z.string().trim().max(200).default(''),
  soort: z.string().max(40).default(''),
  thema: z.string().trim().max(60).default(''),
  netwerk: z.union([z.literal(''), idParam]).default(''),
  van: z.union([z.literal(''), z.string().regex(day)]).default(''),
  tot: z.union([z.literal(''), z.string().regex(day)]).default(''),
  pagina: z.coerce.number().int().min(1).max(1000).catch(1),
});

export async function searchRoutes(app: FastifyInstance, context: ModuleContext): Promise<void> {
  const service = searchService(context.db, context.searchProviders);
  const networks = networkModule.api.networks(context.db);

  app.get('/zoeken', open, async (request, reply) => {
    const raw = (request.query ?? {}) as Record<string, unknown>;
    const values = formValues(raw);
    const t = request.t;
    const actor = request.actor;
    const vmBase: Omit<SearchViewModel, 'result' | 'query'> = {
      types: service.types.map((type) => ({ value: type, label: typeLabel(t, type) })),
      themes: (await service.listThemes(actor)).map((x) => ({ value: x, label: x })),
      networks: (actor?.memberships ?? []).map((m) => ({
        value: String(m.networkId),
        label: m.networkName,
      })),
    };
    const parsed = querySchema.safeParse(raw);
    const errors: Record<string, string> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'q');
        errors[field] ??= field === 'q' ? t('search.error.query') : t('form.invalid');
      }
    }
    const from =
      parsed.success && parsed.data.van ? fromLocal(parsed.data.van, '00:00') : undefined;
    const until =
      parsed.success && parsed.data.tot ? fromLocal(parsed.data.tot, '00:00') : undefined;
    if (parsed.success && parsed.data.van && !from) errors.van = t('form.date');
    if (parsed.success && parsed.data.tot && !until) errors.tot = t('form.date');
    if (from && until && from > until) errors.van = t('search.error.period');
    if (parsed.success && parsed.data.soort && !service.types.includes(parsed.data.soort)) {
      errors.soort = t('form.choose');
    }
    const memberOf = new Set((actor?.memberships ?? []).map((m) => m.networkId));
    if (parsed.success && parsed.data.netwerk !== '' && !memberOf.has(parsed.data.netwerk)) {
      errors.netwerk = t('form.choose');
    }
    if (!parsed.success || Object.keys(errors).length > 0) {
      return reply.page(
        (ctx) => (
          <SearchPage
            ctx={ctx}
            vm={{ ...vmBase, query: '', result: null }}
            state={{ errors, values }}
          />
        ),
        400,
      );
    }
    const q = parsed.data;
    if (q.q === '') {
      return reply.page((ctx) => (
        <SearchPage ctx={ctx} vm={{ ...vmBase, query: '', result: null }} state={{ values }} />
      ));
    }
    const result = await service.search(
      actor,
      {
        text: q.q,
        types: q.soort ? [q.soort] : undefined,
        theme: q.thema || undefined,
        networkId: q.netwerk === '' ? undefined : q.netwerk,
        from,
        until: until ? new Date(until.getTime() + 86_400_000) : undefined,
      },
      q.pagina,
    );
    const names = new Map<number, string>();
    for (const id of new Set(result.hits.map((h) => h.networkId))) {
      const n = await networks.findNetworkById(id);
      if (n) names.set(id, n.name);
    }
    const filters = {
      q: q.q,
      soort: q.soort,
      thema: q.thema,
      netwerk: String(q.netwerk),
      van: q.van,
      tot: q.tot,
    };
    const vm: SearchViewModel = {
      ...vmBase,
      query: q.q,
      result: {
        total: result.total,
        hits: result.hits.map((h) => presentHit(t, request.lang, h, names.get(h.networkId))),
        pages: pageModel('/zoeken', filters, result.page, result.pages, result.total),
      },
    };
    return reply.page((ctx) => <SearchPage ctx={ctx} vm={vm} state={{ values }} />);
  });
}
