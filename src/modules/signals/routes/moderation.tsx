// The public form and the moderation of what it brings in.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findInNetworkOr404 } from '../../../platform/access.js';
import { type FormState, formValues, parseForm } from '../../../platform/forms.js';
import { formStamp, guardPublicForm } from '../../../platform/spam-guard.js';
import { presentModeration } from '../presenters.js';
import { ModerationPage } from '../views/moderation.js';
import { PublicSignalPage } from '../views/public-form.js';
import { checked, type SignalRouteKit } from './kit.js';

/** The public page's form and the coordinator's moderation queue. */
/** Public submissions per address: this many per window, then 429. */
export const PUBLIC_FORM_LIMIT = { max: 5, timeWindow: 15 * 60_000 };

export function registerPublicAndModerationRoutes(app: FastifyInstance, kit: SignalRouteKit): void {
  const { service, networks, networkFor } = kit;

  // Moderation of public submissions.

  app.get('/netwerk/:networkId/signalen/moderatie', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.moderate');
    const [pending, themes] = await Promise.all([
      service.listPending(network.id),
      service.listThemes(network.id),
    ]);
    const vm = presentModeration(request.t, request.lang, network, pending, themes);
    return reply.page((ctx) => <ModerationPage ctx={ctx} vm={vm} />);
  });

  /** The id of a submission of this network that waits for moderation; otherwise 404. */
  async function pendingId(request: FastifyRequest, networkId: number): Promise<number> {
    const pending = await findInNetworkOr404(
      request,
      'signalId',
      async (id) => {
        const found = await service.findSignal(networkId, id);
        return found?.signal.status === 'pending' ? found.signal : undefined;
      },
      { action: 'signals.moderate', objectType: 'signal', networkId },
    );
    return pending.id;
  }

  app.post('/netwerk/:networkId/signalen/:signalId/goedkeuren', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.moderate');
    const id = await pendingId(request, network.id);
    const themes = await service.listThemes(network.id);
    const theme = z
      .string()
      .refine((v) => themes.includes(v))
      .safeParse(formValues(request.body).theme);
    await service.approvePending(
      request.actor!,
      network.id,
      id,
      theme.success ? theme.data : 'other',
      request.ip,
    );
    return reply
      .flash('ok', 'signals.moderation.approved')
      .redirect(`/netwerk/${network.id}/signalen/moderatie`, 303);
  });

  app.post('/netwerk/:networkId/signalen/:signalId/afwijzen', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.moderate');
    const id = await pendingId(request, network.id);
    await service.rejectPending(request.actor!, network.id, id, request.ip);
    return reply
      .flash('ok', 'signals.moderation.rejected')
      .redirect(`/netwerk/${network.id}/signalen/moderatie`, 303);
  });

  // The public page: anyone may tell the network what is going on.

  const publicLimit = { config: { policy: 'public' as const, rateLimit: PUBLIC_FORM_LIMIT } };

  const publicSchema = z.object({
    what: z
      .string({ required_error: 'signals.error.what' })
      .trim()
      .min(1, 'signals.error.what')
      .max(2000)
      .describe('signals.name.what'),
    where: z.string().trim().max(120).default('').describe('signals.name.where'),
    email: z
      .union([z.literal(''), z.string().trim().email().max(200)])
      .optional()
      .describe('signals.name.email'),
  });

  app.get('/buurt/:slug/signaal', { config: { policy: 'public' } }, async (request, reply) => {
    const network = await networks.bySlug(request);
    const vm = { network: { name: network.name, slug: network.slug }, stamp: formStamp(reply) };
    return reply.page((ctx) => <PublicSignalPage ctx={ctx} vm={vm} state={{}} />);
  });

  app.post('/buurt/:slug/signaal', publicLimit, async (request, reply) => {
    const network = await networks.bySlug(request);
    const ref = { name: network.name, slug: network.slug };
    const body = (request.body ?? {}) as Record<string, unknown>;
    const thanks = () =>
      reply.flash('ok', 'signals.public.thanks').redirect(`/buurt/${network.slug}/signaal`, 303);
    const guard = guardPublicForm(request, reply, body);
    // A filled-in honeypot is a robot: thank it, keep nothing.
    if (guard.robot) return thanks();
    const fields = { what: body.what, where: body.where, email: body.email };
    const form = parseForm(publicSchema, fields, request.t);
    const show = (state: FormState) =>
      reply.page(
        (ctx) => (
          <PublicSignalPage ctx={ctx} vm={{ network: ref, stamp: guard.stamp }} state={state} />
        ),
        400,
      );
    if (!form.ok) return show({ errors: form.errors, values: form.values });
    if (guard.problem) {
      return show({ errors: { what: request.t(guard.problem) }, values: formValues(fields) });
    }
    await service.submitPublic(network.id, {
      description: form.data.what,
      place: form.data.where,
      email: form.data.email || undefined,
    });
    return thanks();
  });
}
