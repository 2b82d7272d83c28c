import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParam, networkFromUrl } from '../../platform/access.js';
import { type Actor, type MemberRole, memberRoles, roleIn } from '../../platform/actor.js';
import { formValues, parseForm } from '../../platform/forms.js';
import {
  formatDate,
  formatDateTime,
  isMessageKey,
  type Translate,
} from '../../platform/i18n/index.js';
import type { ModuleContext } from '../../platform/module.js';
import { safeLocalPath } from '../../platform/pages.js';
import { platformRepository } from '../../platform/repository.js';
import { baseUrl } from '../../platform/urls.js';
import { isCommonPassword } from './common-passwords.js';
import { can } from './policy.js';
import type { PeopleService } from './service.js';
import { SESSION_COOKIE } from './session.js';
import { AuditPage, MyDataPage, OutboxPage } from './views/admin.js';
import {
  AcceptInvitationPage,
  ForgotPasswordPage,
  LoginPage,
  ResetPasswordPage,
} from './views/auth.js';
import {
  InvitePage,
  LetterPage,
  MembersPage,
  MyNetworksPage,
  NetworkHomePage,
} from './views/members.js';

export interface PeopleDeps {
  context: ModuleContext;
  /** The people service, built once per app (see index.ts). */
  service: PeopleService;
}

const open = { config: { policy: 'public' as const } };
const signedIn = { config: { policy: 'signedIn' as const } };
const checked = { config: { policy: 'check' as const } };

// Login and code entry have their own, stricter limits in the service (per account too).
const loginLimit = { rateLimit: { max: 30, timeWindow: 15 * 60_000 } };

const passwordField = z.string().min(10, 'form.tooShort|min=10').max(200);

export function roleLabel(t: Translate, role: MemberRole): string {
  return t(`role.${role}`);
}

export async function peopleRoutes(app: FastifyInstance, deps: PeopleDeps): Promise<void> {
  const { service, context } = deps;
  const { config } = context;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.publicUrl?.startsWith('https://') ?? false,
    maxAge: config.sessionAbsoluteHours * 3600,
  };

  const demo = (t: Translate) =>
    config.demoMode && context.demoPassword && context.demoAccounts.length > 0
      ? {
          password: context.demoPassword,
          accounts: context.demoAccounts.map((a) => ({
            ...a,
            role: isMessageKey(a.role) ? t(a.role) : a.role,
          })),
        }
      : undefined;

  // Signing in and out

  app.get<{ Querystring: { terug?: string } }>('/inloggen', open, (request, reply) => {
    if (request.actor) return reply.redirect(safeLocalPath(request.query.terug, '/netwerk'), 303);
    const back = safeLocalPath(request.query.terug, '/netwerk');
    return reply.page((ctx) => <LoginPage ctx={ctx} vm={{ back, demo: demo(request.t) }} />);
  });

  const loginSchema = z.object({
    identifier: z.string().trim().min(1).max(200),
    password: z.string().min(1).max(200),
    terug: z.string().optional(),
  });

  app.post('/inloggen', { config: { policy: 'public', ...loginLimit } }, async (request, reply) => {
    const form = parseForm(loginSchema, request.body, request.t);
    const back = safeLocalPath(formValues(request.body).terug, '/netwerk');
    if (!form.ok) {
      return reply.page(
        (ctx) => (
          <LoginPage
            ctx={ctx}
            vm={{ back, demo: demo(request.t), errors: form.errors, values: form.values }}
          />
        ),
        400,
      );
    }
    const result = await service.login(
      form.data.identifier,
      form.data.password,
      request.ip,
      request.cookies[SESSION_COOKIE],
    );
    if (!result.ok) {
      const message = request.t(result.reason === 'limited' ? 'login.limited' : 'login.invalid');
      return reply.page(
        (ctx) => (
          <LoginPage
            ctx={ctx}
            vm={{
              back,
              demo: demo(request.t),
              errors: { identifier: message },
              values: { identifier: form.data.identifier },
            }}
          />
        ),
        result.reason === 'limited' ? 429 : 400,
      );
    }
    reply.setCookie(SESSION_COOKIE, result.sessionId, cookieOptions);
    return reply.flash('ok', 'login.welcome').redirect(back, 303);
  });

  app.post('/uitloggen', open, async (request, reply) => {
    await service.logout(request.cookies[SESSION_COOKIE], request.actor, request.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.flash('info', 'logout.done').redirect('/', 303);
  });

  // Password reset

  app.get('/wachtwoord-vergeten', open, (_request, reply) =>
    reply.page((ctx) => <ForgotPasswordPage ctx={ctx} vm={{ sent: false }} />),
  );

  app.post(
    '/wachtwoord-vergeten',
    { config: { policy: 'public', ...loginLimit } },
    async (request, reply) => {
      const form = parseForm(
        z.object({ email: z.string().trim().email().max(200) }),
        request.body,
        request.t,
      );
      if (!form.ok) {
        return reply.page(
          (ctx) => (
            <ForgotPasswordPage
              ctx={ctx}
              vm={{ sent: false, errors: form.errors, values: form.values }}
            />
          ),
          400,
        );
      }
      const result = await service.requestPasswordReset(
        form.data.email,
        request.ip,
        baseUrl(config, request),
      );
      if (result === 'limited') {
        return reply.page(
          (ctx) => (
            <ForgotPasswordPage
              ctx={ctx}
              vm={{
                sent: false,
                errors: { email: request.t('login.limited') },
                values: formValues(request.body),
              }}
            />
          ),
          429,
        );
      }
      return reply.page((ctx) => <ForgotPasswordPage ctx={ctx} vm={{ sent: true }} />);
    },
  );

  app.get<{ Querystring: { token?: string } }>(
    '/wachtwoord-herstellen',
    open,
    async (request, reply) => {
      const token =
        typeof request.query.token === 'string' ? request.query.token.slice(0, 100) : '';
      const usable = token !== '' && (await service.isResetTokenUsable(token));
      return reply.page(
        (ctx) => <ResetPasswordPage ctx={ctx} vm={{ token, usable }} />,
        usable ? 200 : 400,
      );
    },
  );

  app.post(
    '/wachtwoord-herstellen',
    { config: { policy: 'public', ...loginLimit } },
    async (request, reply) => {
      const schema = z.object({
        token: z.string().min(1).max(100),
        password: passwordField.refine((p) => !isCommonPassword(p), 'password.common'),
      });
      const form = parseForm(schema, request.body, request.t);
      const token = formValues(request.body).token ?? '';
      if (!form.ok) {
        const usable = token !== '' && (await service.isResetTokenUsable(token));
        return reply.page(
          (ctx) => <ResetPasswordPage ctx={ctx} vm={{ token, usable, errors: form.errors }} />,
          400,
        );
      }
      const done = await service.resetPassword(form.data.token, form.data.password, request.ip);
      if (!done) {
        return reply.page(
          (ctx) => <ResetPasswordPage ctx={ctx} vm={{ token, usable: false }} />,
          400,
        );
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.flash('ok', 'reset.done').redirect('/inloggen', 303);
    },
  );

  // Invitations: accepting

  async function showAccept(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    state: { errors?: Record<string, string>; values?: Record<string, string> } = {},
    status = 200,
  ) {
    const invitation = code ? await service.describeInvitation(code) : undefined;
    if (code && !invitation) {
      return reply.page(
        (ctx) => (
          <AcceptInvitationPage
            ctx={ctx}
            vm={{ code, errors: { code: request.t('invite.code.invalid') }, values: { code } }}
          />
        ),
        400,
      );
    }
    return reply.page(
      (ctx) => (
        <AcceptInvitationPage
          ctx={ctx}
          vm={{
            code,
            ...state,
            invitation: invitation && {
              networkName: invitation.networkName,
              roleLabel: roleLabel(request.t, invitation.role),
              email: invitation.email,
              hasAccount: invitation.hasAccount,
            },
          }}
        />
      ),
      status,
    );
  }

  /** Too many codes tried from this address: the code form again, with the reason. */
  const codeAttemptsUsedUp = (request: FastifyRequest, reply: FastifyReply) =>
    reply.page(
      (ctx) => (
        <AcceptInvitationPage
          ctx={ctx}
          vm={{ code: '', errors: { code: request.t('login.limited') } }}
        />
      ),
      429,
    );

  app.get<{ Querystring: { code?: string } }>('/uitnodiging', open, async (request, reply) => {
    const code = typeof request.query.code === 'string' ? request.query.code.slice(0, 100) : '';
    if (code && !(await service.codeAttemptAllowed(request.ip))) {
      return codeAttemptsUsedUp(request, reply);
    }
    return showAccept(request, reply, code);
  });

  // The code typed from a letter: checked, then the same page with the rest of the form.
  app.post(
    '/uitnodiging/code',
    { config: { policy: 'public', ...loginLimit } },
    async (request, reply) => {
      const form = parseForm(
        z.object({ code: z.string().trim().min(1).max(100) }),
        request.body,
        request.t,
      );
      if (!form.ok) {
        return reply.page(
          (ctx) => (
            <AcceptInvitationPage
              ctx={ctx}
              vm={{ code: '', errors: form.errors, values: form.values }}
            />
          ),
          400,
        );
      }
      if (!(await service.codeAttemptAllowed(request.ip))) {
        return codeAttemptsUsedUp(request, reply);
      }
      return showAccept(request, reply, form.data.code);
    },
  );

  app.post(
    '/uitnodiging',
    { config: { policy: 'public', ...loginLimit } },
    async (request, reply) => {
      const code = (formValues(request.body).code ?? '').slice(0, 100);
      if (!(await service.codeAttemptAllowed(request.ip))) {
        return codeAttemptsUsedUp(request, reply);
      }
      const invitation = code ? await service.describeInvitation(code) : undefined;
      if (!invitation) return showAccept(request, reply, code || ' ', {}, 400);
      const schema = z.object({
        code: z.string().min(1),
        displayName: invitation.hasAccount
          ? z.string().optional()
          : z.string().trim().min(1).max(60),
        username: invitation.email
          ? z.string().optional()
          : z
              .string()
              .trim()
              .toLowerCase()
              .regex(/^[a-z0-9][a-z0-9.-]{2,29}$/, 'invite.username.invalid'),
        password: invitation.hasAccount
          ? z.string().min(1).max(200)
          : passwordField.refine((p) => !isCommonPassword(p), 'password.common'),
        listed: z.literal('on').optional(),
      });
      const form = parseForm(schema, request.body, request.t);
      if (!form.ok)
        return showAccept(request, reply, code, { errors: form.errors, values: form.values }, 400);
      if (
        !invitation.hasAccount &&
        isCommonPassword(form.data.password, [
          form.data.displayName ?? '',
          form.data.username ?? '',
          invitation.email ?? '',
        ])
      ) {
        return showAccept(
          request,
          reply,
          code,
          { errors: { password: request.t('password.common') }, values: formValues(request.body) },
          400,
        );
      }
      const result = await service.acceptInvitation(
        code,
        {
          displayName: form.data.displayName ?? '',
          username: form.data.username,
          password: form.data.password,
          listed: form.data.listed === 'on',
        },
        request.ip,
      );
      if (!result.ok) {
        const errors: Record<string, string> =
          result.reason === 'usernameTaken'
            ? { username: request.t('invite.username.taken') }
            : result.reason === 'wrongPassword'
              ? { password: request.t('invite.wrongPassword') }
              : { code: request.t('invite.code.invalid') };
        return showAccept(
          request,
          reply,
          result.reason === 'invalid' ? ' ' : code,
          { errors, values: formValues(request.body) },
          400,
        );
      }
      reply.setCookie(SESSION_COOKIE, result.sessionId, cookieOptions);
      return reply
        .flash('ok', 'invite.welcome', { network: invitation.networkName })
        .redirect(`/netwerk/${result.networkId}`, 303);
    },
  );

  // Members' pages

  app.get('/netwerk', signedIn, async (request, reply) => {
    const actor = request.actor!;
    const memberships = await service.listMembershipsOf(actor.personId);
    const scoped = await service.listNetworksInScope(actor);
    const vm = {
      networks: memberships.map((m) => ({
        id: m.networkId,
        name: m.networkName,
        slug: m.slug,
        roleLabel: roleLabel(request.t, m.role),
      })),
      leaderNetworks: scoped.map((n) => ({
        name: n.name,
        members: n.members >= 5 ? n.members : null,
      })),
    };
    return reply.page((ctx) => <MyNetworksPage ctx={ctx} vm={vm} />);
  });

  /** The network of a member page, with the people policy applied; otherwise 404. */
  const networkFor = (request: FastifyRequest, action: Parameters<typeof can>[1]) =>
    networkFromUrl(request, action, service.findNetwork, (networkId) =>
      can(request.actor, action, { networkId }),
    );

  function roleOf(actor: Actor, networkId: number, t: Translate): string {
    const role = roleIn(actor, networkId);
    return role ? roleLabel(t, role) : t('role.admin');
  }

  app.get('/netwerk/:networkId', checked, async (request, reply) => {
    const network = await networkFor(request, 'network.enter');
    const vm = {
      network,
      roleLabel: roleOf(request.actor!, network.id, request.t),
      canManage: can(request.actor, 'members.manage', { networkId: network.id }),
    };
    return reply.page((ctx) => <NetworkHomePage ctx={ctx} vm={vm} />);
  });

  const roleOptions = (t: Translate) =>
    memberRoles.map((r) => ({ value: r, label: roleLabel(t, r) }));

  app.get('/netwerk/:networkId/leden', checked, async (request, reply) => {
    const network = await networkFor(request, 'members.view');
    const canManage = can(request.actor, 'members.manage', { networkId: network.id });
    const [members, invitations] = await Promise.all([
      service.listMembers(network.id),
      canManage ? service.listOpenInvitations(network.id) : Promise.resolve([]),
    ]);
    const t = request.t;
    const vm = {
      network,
      canManage,
      roleOptions: roleOptions(t),
      members: members.map((m) => ({
        id: m.id,
        name: m.displayName || t('people.formerMember'),
        role: m.role,
        roleLabel: roleLabel(t, m.role),
        organisation: m.organisationName,
        listed: m.listed,
      })),
      invitations: invitations.map((i) => ({
        id: i.id,
        label:
          i.kind === 'email'
            ? t('members.invitation.email', { email: i.email ?? '' })
            : i.addressee
              ? t('members.invitation.letter', { name: i.addressee })
              : t('members.invitation.letterNoName'),
        until: t('members.invitation.until', { date: formatDate(request.lang, i.expiresAt) }),
      })),
    };
    return reply.page((ctx) => <MembersPage ctx={ctx} vm={vm} />);
  });

  /** A membership of this network, or 404 (never one of another network). */
  async function membershipIn(request: FastifyRequest, networkId: number) {
    const parsed = idParam.safeParse((request.params as { membershipId?: string }).membershipId);
    const membership = parsed.success ? await service.findMembership(parsed.data) : undefined;
    if (!membership || membership.networkId !== networkId) {
      await request.authorize(false, {
        action: 'members.manage',
        objectType: 'membership',
        objectId: parsed.success ? parsed.data : undefined,
        networkId,
        status: 404,
      });
    }
    return membership!;
  }

  app.post('/netwerk/:networkId/leden/:membershipId/rol', checked, async (request, reply) => {
    const network = await networkFor(request, 'members.manage');
    const membership = await membershipIn(request, network.id);
    const form = parseForm(z.object({ role: z.enum(memberRoles) }), request.body, request.t);
    const back = `/netwerk/${network.id}/leden`;
    if (!form.ok) return reply.flash('error', 'form.choose').redirect(back, 303);
    const result = await service.changeRole(request.actor!, membership, form.data.role, request.ip);
    return reply
      .flash(
        result === 'ok' ? 'ok' : 'error',
        result === 'ok' ? 'members.roleChanged' : 'members.lastCoordinator',
      )
      .redirect(back, 303);
  });

  app.post(
    '/netwerk/:networkId/leden/:membershipId/verwijderen',
    checked,
    async (request, reply) => {
      const network = await networkFor(request, 'members.manage');
      const membership = await membershipIn(request, network.id);
      const result = await service.removeMember(request.actor!, membership, request.ip);
      return reply
        .flash(
          result === 'ok' ? 'ok' : 'error',
          result === 'ok' ? 'members.removed' : 'members.lastCoordinator',
        )
        .redirect(`/netwerk/${network.id}/leden`, 303);
    },
  );

  // Invitations: creating

  async function inviteView(request: FastifyRequest, network: { id: number; name: string }) {
    const organisations = await service.listOrganisationsOf(network.id);
    return {
      network,
      roleOptions: roleOptions(request.t),
      organisationOptions: organisations.map((o) => ({ value: String(o.id), label: o.name })),
    };
  }

  app.get('/netwerk/:networkId/uitnodigen', checked, async (request, reply) => {
    const network = await networkFor(request, 'invitations.create');
    const vm = await inviteView(request, network);
    return reply.page((ctx) => <InvitePage ctx={ctx} vm={vm} />);
  });

  app.post('/netwerk/:networkId/uitnodigen', checked, async (request, reply) => {
    const network = await networkFor(request, 'invitations.create');
    const organisations = await service.listOrganisationsOf(network.id);
    const schema = z
      .object({
        kind: z.enum(['email', 'letter']),
        email: z.string().trim().max(200).optional(),
        addressee: z.string().trim().max(80).optional(),
        role: z.enum(memberRoles),
        organisationId: z
          .string()
          .optional()
          .refine((v) => !v || organisations.some((o) => String(o.id) === v), 'form.choose'),
      })
      .superRefine((v, ctx) => {
        if (v.kind === 'email' && !z.string().email().safeParse(v.email).success) {
          ctx.addIssue({ code: 'custom', path: ['email'], message: 'form.email' });
        }
      });
    const form = parseForm(schema, request.body, request.t);
    if (!form.ok) {
      const vm = {
        ...(await inviteView(request, network)),
        errors: form.errors,
        values: form.values,
      };
      return reply.page((ctx) => <InvitePage ctx={ctx} vm={vm} />, 400);
    }
    const url = baseUrl(config, request);
    const created = await service.createInvitation(
      request.actor!,
      network.id,
      {
        kind: form.data.kind,
        role: form.data.role,
        email: form.data.email,
        addressee: form.data.addressee,
        organisationId: form.data.organisationId ? Number(form.data.organisationId) : undefined,
      },
      request.ip,
      url,
    );
    if (form.data.kind === 'email') {
      return reply.flash('ok', 'invite.sent').redirect(`/netwerk/${network.id}/leden`, 303);
    }
    const vm = {
      networkName: network.name,
      addressee: form.data.addressee || null,
      code: created.code,
      url: `${url}/uitnodiging`,
      validUntil: formatDate(request.lang, created.expiresAt),
    };
    return reply.page((ctx) => <LetterPage ctx={ctx} vm={vm} />);
  });

  // Audit log and outbox

  const pageParam = z.object({ pagina: z.coerce.number().int().min(1).max(10_000).default(1) });
  const AUDIT_PAGE = 50;

  async function auditRows(request: FastifyRequest, networkId: number | undefined) {
    const page = pageParam.safeParse(request.query).data?.pagina ?? 1;
    const rows = await platformRepository(context.db).listAudit({
      networkId,
      limit: AUDIT_PAGE + 1,
      offset: (page - 1) * AUDIT_PAGE,
    });
    const path = request.url.split('?')[0];
    return {
      rows: rows.slice(0, AUDIT_PAGE).map((r) => ({
        id: r.id,
        when: formatDateTime(request.lang, r.at),
        who: r.actorId === null ? request.t('audit.nobody') : `#${r.actorId}`,
        action: r.action,
        object: r.objectType ? `${r.objectType} ${r.objectId ?? ''}`.trim() : '',
        result: r.result,
        origin: r.origin ?? '',
        detail: r.detail ?? '',
      })),
      newer: page > 1 ? `${path}?pagina=${page - 1}` : undefined,
      older: rows.length > AUDIT_PAGE ? `${path}?pagina=${page + 1}` : undefined,
    };
  }

  app.get('/netwerk/:networkId/logboek', checked, async (request, reply) => {
    const network = await networkFor(request, 'audit.view');
    const vm = {
      title: request.t('audit.networkTitle', { network: network.name }),
      ...(await auditRows(request, network.id)),
    };
    return reply.page((ctx) => <AuditPage ctx={ctx} vm={vm} />);
  });

  app.get('/beheer/logboek', checked, async (request, reply) => {
    await request.authorize(can(request.actor, 'admin.audit'), { action: 'admin.audit' });
    const vm = {
      title: request.t('audit.title'),
      outboxLink: true,
      ...(await auditRows(request, undefined)),
    };
    return reply.page((ctx) => <AuditPage ctx={ctx} vm={vm} />);
  });

  app.get('/beheer/uitgaande-mail', checked, async (request, reply) => {
    await request.authorize(can(request.actor, 'admin.outbox'), { action: 'admin.outbox' });
    const mails = await platformRepository(context.db).listOutbox(100);
    const vm = {
      mails: mails.map((m) => ({
        id: m.id,
        to: m.recipient,
        subject: m.subject,
        body: m.body,
        when: formatDateTime(request.lang, m.createdAt),
      })),
    };
    return reply.page((ctx) => <OutboxPage ctx={ctx} vm={vm} />);
  });

  // My data

  async function myDataView(request: FastifyRequest) {
    const actor = request.actor!;
    const [person, memberships] = await Promise.all([
      service.findPersonById(actor.personId),
      service.listMembershipsOf(actor.personId),
    ]);
    return {
      name: person?.displayName ?? '',
      email: person?.email ?? null,
      username: person?.username ?? null,
      memberships: memberships.map((m) => ({
        networkId: m.networkId,
        networkName: m.networkName,
        roleLabel: roleLabel(request.t, m.role),
        listed: m.listed,
      })),
    };
  }

  app.get('/mijn-gegevens', signedIn, async (request, reply) => {
    const vm = await myDataView(request);
    return reply.page((ctx) => <MyDataPage ctx={ctx} vm={vm} />);
  });

  app.post('/mijn-gegevens/zichtbaarheid', signedIn, async (request, reply) => {
    const values = formValues(request.body);
    const networkId = idParam.safeParse(values.networkId);
    if (networkId.success && roleIn(request.actor, networkId.data)) {
      await service.setListed(
        request.actor!,
        networkId.data,
        values[`listed-${networkId.data}`] === 'on',
      );
    }
    return reply.flash('ok', 'myData.listedSaved').redirect('/mijn-gegevens', 303);
  });

  app.post('/mijn-gegevens/download', signedIn, async (request, reply) => {
    const data = await service.exportPerson(request.actor!.personId, request.ip);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="mijn-gegevens-buurtkracht.json"')
      .header('cache-control', 'no-store')
      .send(JSON.stringify(data, null, 2));
  });

  app.post('/mijn-gegevens/verwijderen', signedIn, async (request, reply) => {
    const schema = z.object({
      password: z.string().min(1).max(200),
      confirm: z.literal('on', { errorMap: () => ({ message: 'myData.erase.confirmRequired' }) }),
    });
    const form = parseForm(schema, request.body, request.t);
    const actor = request.actor!;
    const errors = form.ok ? {} : { ...form.errors };
    if (form.ok && !(await service.checkPassword(actor.personId, form.data.password))) {
      errors.password = request.t('myData.erase.wrongPassword');
    }
    if (Object.keys(errors).length > 0) {
      const vm = { ...(await myDataView(request)), errors };
      return reply.page((ctx) => <MyDataPage ctx={ctx} vm={vm} />, 400);
    }
    await service.erasePerson(actor.personId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.flash('ok', 'myData.erased').redirect('/', 303);
  });
}
