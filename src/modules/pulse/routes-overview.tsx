// The leader's overview (/bestuurder): for each municipality or region the actor leads, the
// pulse of the last 12 months in short; then the lessons shared with those places, the
// decisions there due for review, and the learning module's reflection questions.
import type { FastifyInstance } from 'fastify';
import { formatDate } from '../../platform/i18n/index.js';
import type { ModuleContext } from '../../platform/module.js';
import { toLocal } from '../../platform/time.js';
import { decisionsModule } from '../decisions/index.js';
import { libraryModule } from '../library/index.js';
import { networkModule } from '../network/index.js';
import { presentHeadlines } from './headlines.js';
import { monthsBack, periodOf, pulseService } from './service.js';
import { LeaderOverviewPage, type LeaderOverviewViewModel } from './views/overview.js';

const checked = { config: { policy: 'check' as const } };

export async function overviewRoutes(app: FastifyInstance, context: ModuleContext) {
  const service = pulseService(context.db);
  const places = networkModule.api.places(context.db);

  app.get('/bestuurder', checked, async (request, reply) => {
    const actor = request.actor;
    const { municipalityIds, regionIds } = actor?.leaderOf ?? {
      municipalityIds: [],
      regionIds: [],
    };
    // Only leaders have an overview; for anyone else the page does not exist.
    if (municipalityIds.length === 0 && regionIds.length === 0) {
      return request.deny({ action: 'pulse.overview', status: 404 });
    }
    await request.authorize(true, { action: 'pulse.overview' });
    const { t, lang } = request;
    const today = toLocal(new Date()).date;
    const period = periodOf(monthsBack(today, 11), monthsBack(today, 0));

    const scopes: LeaderOverviewViewModel['scopes'] = [];
    const scoped = [
      ...municipalityIds.map((id) => ({ kind: 'municipality' as const, id })),
      ...regionIds.map((id) => ({ kind: 'region' as const, id })),
    ];
    for (const s of scoped) {
      const place =
        s.kind === 'municipality'
          ? await places.findMunicipality(s.id)
          : await places.findRegion(s.id);
      if (!place) continue;
      const networks =
        s.kind === 'municipality'
          ? await places.listNetworksInScope([s.id], [])
          : await places.listNetworksInScope([], [s.id]);
      const pulse = await service.headlineFiguresOf(
        networks.map((n) => n.id),
        period,
        today,
      );
      scopes.push({
        id: `${s.kind}-${s.id}`,
        name: place.name,
        title: t(`pulse.overview.${s.kind}`, { name: place.name }),
        headlines: presentHeadlines(t, pulse),
        pulseHref: s.kind === 'municipality' ? `/puls/gemeente/${s.id}` : `/puls/regio/${s.id}`,
      });
    }

    const all = await places.listNetworksInScope(municipalityIds, regionIds);
    const names = new Map(all.map((n) => [n.id, n.name]));
    const [lessons, due] = await Promise.all([
      libraryModule.api.listLessonsSharedTo(context.db, municipalityIds, regionIds),
      decisionsModule.api.listDueForReviewIn(
        context.db,
        all.map((n) => n.id),
        today,
      ),
    ]);
    const vm: LeaderOverviewViewModel = {
      scopes,
      lessons: lessons.map((l) => ({ href: `/bibliotheek/${l.id}`, title: l.title })),
      reviews: due.map((d) => ({
        title: d.title,
        where: t('pulse.overview.reviewOn', {
          network: names.get(d.networkId) ?? '',
          date: formatDate(lang, new Date(`${d.reviewOn}T12:00:00Z`)),
        }),
      })),
      questions: libraryModule.api.reflectionQuestionLabels(t),
    };
    return reply.page((ctx) => <LeaderOverviewPage ctx={ctx} vm={vm} />);
  });
}
