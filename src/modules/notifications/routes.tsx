// Notifications: parse → authorize → service → render or redirect.
//   /mijn-gegevens/meldingen                     a signed-in person's choices per kind
//   /meldingen/keuze/:personId/:kind/:token      one kind's choice from a mail, no sign-in
//   /meldingen                                   the list of one's notifications
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParam } from '../../platform/access.js';
import { ErrorPage } from '../../platform/errors.js';
import { type FormState, parseForm } from '../../platform/forms.js';
import type { ModuleContext } from '../../platform/module.js';
import {
  deliveryChoices,
  isNotificationKind,
  type NotificationKind,
  notificationKinds,
} from './kinds.js';
import { kindLabel, presentChoiceField } from './presenters.js';
import { listRoutes } from './routes-list.js';
import { choicePath, findChoices, isChoiceToken, SETTINGS_PATH, saveChoices } from './service.js';
import { OneClickPage, SettingsPage } from './views/settings.js';

const open = { config: { policy: 'public' as const } };
const signedIn = { config: { policy: 'signedIn' as const } };

const choice = z.enum(deliveryChoices);
const settingsSchema = z.object({
  signal: choice.describe('notifications.name.signal'),
  duo: choice.describe('notifications.name.duo'),
  moderation: choice.describe('notifications.name.moderation'),
  meeting: choice.describe('notifications.name.meeting'),
  invitation: choice.describe('notifications.name.invitation'),
  budget: choice.describe('notifications.name.budget'),
} satisfies Record<NotificationKind, z.ZodTypeAny>);
const oneClickSchema = z.object({ choice: choice.describe('notifications.name.choice') });

export async function notificationsRoutes(
  app: FastifyInstance,
  context: ModuleContext,
): Promise<void> {
  const db = context.db;

  async function showSettings(request: FastifyRequest, reply: FastifyReply, state: FormState) {
    const personId = request.actor?.personId ?? 0;
    const choices = await findChoices(db, personId);
    const fields = notificationKinds.map((kind) =>
      presentChoiceField(request.t, kind, kind, choices[kind]),
    );
    return reply.page(
      (ctx) => <SettingsPage ctx={ctx} vm={{ fields, back: '/mijn-gegevens' }} state={state} />,
      state.errors ? 400 : 200,
    );
  }

  app.get(SETTINGS_PATH, signedIn, (request, reply) => showSettings(request, reply, {}));

  app.post(SETTINGS_PATH, signedIn, async (request, reply) => {
    const form = parseForm(settingsSchema, request.body, request.t);
    if (!form.ok) return showSettings(request, reply, form);
    await saveChoices(db, request.actor?.personId ?? 0, form.data);
    return reply.flash('ok', 'notifications.settings.saved').redirect(SETTINGS_PATH, 303);
  });

  /** The person and kind of a one-click link, when its token is right; otherwise undefined. */
  function linkFrom(request: FastifyRequest) {
    const params = request.params as { personId?: string; kind?: string; token?: string };
    const personId = idParam.safeParse(params.personId);
    const kind = params.kind;
    const token = String(params.token ?? '');
    if (!personId.success || !isNotificationKind(kind) || token.length > 100) return undefined;
    if (!isChoiceToken(context.codeSecret, personId.data, kind, token)) return undefined;
    return { personId: personId.data, kind };
  }

  function invalidLink(reply: FastifyReply) {
    return reply.page(
      (ctx) => (
        <ErrorPage
          ctx={ctx}
          vm={{ title: 'error.notFound.title', body: 'notifications.oneClick.invalid' }}
        />
      ),
      404,
    );
  }

  async function showOneClick(
    request: FastifyRequest,
    reply: FastifyReply,
    link: { personId: number; kind: NotificationKind },
    state: FormState,
  ) {
    const choices = await findChoices(db, link.personId);
    const vm = {
      action: choicePath(context.codeSecret, link.personId, link.kind),
      kindLabel: request.t(kindLabel(link.kind)),
      field: presentChoiceField(request.t, 'choice', link.kind, choices[link.kind]),
    };
    // The address holds a key: keep it out of other sites' logs.
    reply.header('referrer-policy', 'no-referrer');
    return reply.page(
      (ctx) => <OneClickPage ctx={ctx} vm={vm} state={state} />,
      state.errors ? 400 : 200,
    );
  }

  const oneClickPath = '/meldingen/keuze/:personId/:kind/:token';

  app.get(oneClickPath, open, async (request, reply) => {
    const link = linkFrom(request);
    if (!link) return invalidLink(reply);
    return showOneClick(request, reply, link, {});
  });

  app.post(oneClickPath, open, async (request, reply) => {
    const link = linkFrom(request);
    if (!link) return invalidLink(reply);
    const form = parseForm(oneClickSchema, request.body, request.t);
    if (!form.ok) return showOneClick(request, reply, link, form);
    await saveChoices(db, link.personId, { [link.kind]: form.data.choice });
    return reply
      .flash('ok', 'notifications.oneClick.saved', {
        choice: request.t(`notifications.choice.${form.data.choice}`),
      })
      .redirect(choicePath(context.codeSecret, link.personId, link.kind), 303);
  });

  await listRoutes(app, context);
}
