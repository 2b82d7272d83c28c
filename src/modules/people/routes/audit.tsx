// The audit log of a network (its coordinators) and of the platform (administrators), and
// the outbox of mail that was not sent through a mail server.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { platformRepository } from '../../../platform/repository.js';
import { can } from '../policy.js';
import { auditPersonIds, presentAuditPage, presentOutbox } from '../presenters.js';
import { AuditPage, OutboxPage } from '../views/admin.js';
import { checked, networkFor, type PeopleDeps } from './shared.js';

const pageParam = z.object({ pagina: z.coerce.number().int().min(1).max(10_000).default(1) });
/** Entries per page of the audit log. */
const AUDIT_PAGE = 50;

export async function auditRoutes(app: FastifyInstance, deps: PeopleDeps): Promise<void> {
  const { service, context } = deps;
  const platform = platformRepository(context.db);

  async function auditPage(request: FastifyRequest, networkId: number | undefined) {
    const technical = networkId === undefined;
    const page = pageParam.safeParse(request.query).data?.pagina ?? 1;
    const rows = await platform.listAudit({
      networkId,
      limit: AUDIT_PAGE + 1,
      offset: (page - 1) * AUDIT_PAGE,
    });
    const path = request.url.split('?')[0] ?? '';
    const names = await service.findNames(auditPersonIds(rows));
    return presentAuditPage(request.t, request.lang, rows, names, {
      page,
      pageSize: AUDIT_PAGE,
      path,
      technical,
    });
  }

  app.get('/netwerk/:networkId/logboek', checked, async (request, reply) => {
    const network = await networkFor(service, request, 'audit.view');
    const vm = {
      title: request.t('audit.networkTitle', { network: network.name }),
      ...(await auditPage(request, network.id)),
    };
    return reply.page((ctx) => <AuditPage ctx={ctx} vm={vm} />);
  });

  app.get('/beheer/logboek', checked, async (request, reply) => {
    await request.authorize(can(request.actor, 'admin.audit'), { action: 'admin.audit' });
    const vm = {
      title: request.t('audit.title'),
      outboxLink: true,
      ...(await auditPage(request, undefined)),
    };
    return reply.page((ctx) => <AuditPage ctx={ctx} vm={vm} />);
  });

  app.get('/beheer/uitgaande-mail', checked, async (request, reply) => {
    await request.authorize(can(request.actor, 'admin.outbox'), { action: 'admin.outbox' });
    const vm = presentOutbox(
      request.t,
      request.lang,
      await platform.listOutbox(100),
      context.mailer.delivery === 'smtp',
    );
    return reply.page((ctx) => <OutboxPage ctx={ctx} vm={vm} />);
  });
}
