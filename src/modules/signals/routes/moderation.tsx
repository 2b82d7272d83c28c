// The public form; what it brings in waits on the moderation page (decision 0009).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type FormState, formValues, parseForm } from '../../../platform/forms.js';
import { formStamp, guardPublicForm } from '../../../platform/spam-guard.js';
import { moderationModule } from '../../moderation/index.js';
import { PublicSignalPage } from '../views/public-form.js';
import { checked, type SignalRouteKit } from './kit.js';

/** Public submissions per address: this many per window, then 429. */
export const PUBLIC_FORM_LIMIT = { max: 5, timeWindow: 15 * 60_000 };

export function registerPublicAndModerationRoutes(app: FastifyInstance, kit: SignalRouteKit): void {
  const { service, networks, networkFor } = kit;

  // Public submissions wait on the moderation module's page (approve with a theme or reject
  // there, through ../moderation.ts); the old queue's address sends the coordinator there.

  app.get('/netwerk/:networkId/signalen/moderatie', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.moderate');
    return reply.redirect(moderationModule.api.queuePath(network.id, 'signal'), 301);
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
