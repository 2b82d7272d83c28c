// The list of one's notifications: /meldingen (newest first, paged), and marking them read —
// one (POST /meldingen/:id/gelezen) or all (POST /meldingen/gelezen). Only one's own.
import type { FastifyInstance } from 'fastify';
import { idParam } from '../../platform/access.js';
import { formatDateTime } from '../../platform/i18n/index.js';
import type { ModuleContext } from '../../platform/module.js';
import { pageFromQuery, paginate } from '../../platform/pagination.js';
import { describeNotification } from './presenters.js';
import { notificationsRepository } from './repository.js';
import { SETTINGS_PATH } from './service.js';
import { NotificationListPage } from './views/list.js';

const signedIn = { config: { policy: 'signedIn' as const } };
const PAGE_SIZE = 20;

export async function listRoutes(app: FastifyInstance, context: ModuleContext): Promise<void> {
  const repo = notificationsRepository(context.db);

  app.get('/meldingen', signedIn, async (request, reply) => {
    const personId = request.actor?.personId ?? 0;
    const [total, unread] = await Promise.all([
      repo.countForPerson(personId),
      repo.countUnread(personId),
    ]);
    const window = paginate('/meldingen', {}, pageFromQuery(request.query), total, PAGE_SIZE);
    const rows = await repo.listForPerson(personId, window.limit, window.offset);
    const vm = {
      items: rows.map((row) => ({
        id: row.id,
        text: describeNotification(request.t, request.lang, row),
        link: row.link,
        when: formatDateTime(request.lang, row.createdAt),
        unread: row.readAt === null,
      })),
      unread,
      page: window.model,
      settings: SETTINGS_PATH,
    };
    return reply.page((ctx) => <NotificationListPage ctx={ctx} vm={vm} />);
  });

  app.post('/meldingen/gelezen', signedIn, async (request, reply) => {
    await repo.markRead(request.actor?.personId ?? 0, new Date());
    return reply.flash('ok', 'notifications.list.allMarked').redirect('/meldingen', 303);
  });

  app.post('/meldingen/:id/gelezen', signedIn, async (request, reply) => {
    const id = idParam.safeParse((request.params as { id?: string }).id);
    // Another person's id or an unknown one changes nothing (the query is limited to one's own).
    if (id.success) await repo.markRead(request.actor?.personId ?? 0, new Date(), id.data);
    return reply.flash('ok', 'notifications.list.marked').redirect('/meldingen', 303);
  });
}
