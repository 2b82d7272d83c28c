// Invitations: a coordinator invites by email or prints a letter with a code; the invitee
// accepts with the link or the code (a new account, or a new membership for one that exists).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findInNetworkOr404 } from '../../../platform/access.js';
import { memberRoles } from '../../../platform/actor.js';
import type { FormState } from '../../../platform/forms.js';
import { formValues, parseForm } from '../../../platform/forms.js';
import {
  chosenLanguage,
  formatDate,
  type Lang,
  languages,
  translator,
} from '../../../platform/i18n/index.js';
import { setLanguageCookie } from '../../../platform/pages.js';
import { readLogo, readPlatformSettings } from '../../../platform/settings.js';
import { baseUrl } from '../../../platform/urls.js';
import { isCommonPassword } from '../common-passwords.js';
import { invitationLanguageChoice, invitationLanguageSchema } from '../invitation-language.js';
import { presentInvitationRow, roleLabel, roleOptions } from '../presenters.js';
import { SESSION_COOKIE } from '../session.js';
import { AcceptInvitationPage } from '../views/auth.js';
import { InvitationsPage } from '../views/invitations.js';
import { InvitePage, LetterPage } from '../views/members.js';
import {
  actorOf,
  checked,
  loginLimited,
  networkFor,
  open,
  type PeopleDeps,
  passwordField,
  sessionCookieOptions,
} from './shared.js';

export async function invitationRoutes(app: FastifyInstance, deps: PeopleDeps): Promise<void> {
  const { service, context } = deps;
  const { config } = context;
  const cookieOptions = sessionCookieOptions(config);

  // Accepting

  /**
   * The accept page's language: the visitor's own choice (the lang cookie) wins; without one,
   * the invitation's, so the reader of an English letter or mail lands on an English page
   * (issue 12 item 13). Without a usable invitation: the visitor's language.
   */
  function acceptLang(
    request: FastifyRequest,
    invitation: { language: string | null } | undefined,
  ): Lang {
    return request.langChosen || !invitation
      ? request.lang
      : chosenLanguage(invitation.language, request.lang);
  }

  async function showAccept(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    state: FormState = {},
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
    const lang = acceptLang(request, invitation);
    return reply.page(
      (ctx) => (
        <AcceptInvitationPage
          ctx={ctx}
          vm={{
            code,
            ...state,
            invitation: invitation && {
              networkName: invitation.networkName,
              roleLabel: roleLabel(ctx.t, invitation.role),
              email: invitation.email,
              hasAccount: invitation.hasAccount,
              language: invitation.language,
            },
          }}
        />
      ),
      status,
      lang,
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
  app.post('/uitnodiging/code', loginLimited, async (request, reply) => {
    const form = parseForm(
      z.object({ code: z.string().trim().min(1).max(100).describe('people.name.code') }),
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
  });

  app.post('/uitnodiging', loginLimited, async (request, reply) => {
    const code = (formValues(request.body).code ?? '').slice(0, 100);
    if (!(await service.codeAttemptAllowed(request.ip))) {
      return codeAttemptsUsedUp(request, reply);
    }
    const invitation = code ? await service.describeInvitation(code) : undefined;
    if (!invitation) return showAccept(request, reply, code || ' ', {}, 400);
    // Messages in the language the page is shown in (see acceptLang).
    const t = translator(acceptLang(request, invitation));
    const schema = z.object({
      code: z.string().min(1).describe('people.name.code'),
      displayName: (invitation.hasAccount
        ? z.string().optional()
        : z.string().trim().min(1).max(60)
      ).describe('people.name.displayName'),
      username: (invitation.email
        ? z.string().optional()
        : z
            .string()
            .trim()
            .toLowerCase()
            .regex(/^[a-z0-9][a-z0-9.-]{2,29}$/, 'invite.username.invalid')
      ).describe('people.name.username'),
      password: (invitation.hasAccount
        ? z.string().min(1).max(200)
        : passwordField.refine((p) => !isCommonPassword(p), 'password.common')
      ).describe('people.name.password'),
      listed: z.literal('on').optional().describe('people.name.listed'),
      language: (invitation.hasAccount
        ? z.string().optional()
        : z.enum(languages).optional()
      ).describe('account.name.language'),
    });
    const form = parseForm(schema, request.body, t);
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
        { errors: { password: t('password.common') }, values: formValues(request.body) },
        400,
      );
    }
    // The new account's language: the one picked on this page, else the invitation's.
    const language = chosenLanguage(form.data.language, invitation.language);
    const result = await service.acceptInvitation(
      code,
      {
        displayName: form.data.displayName ?? '',
        username: form.data.username,
        password: form.data.password,
        listed: form.data.listed === 'on',
        language,
      },
      request.ip,
      request.actor?.personId,
    );
    if (!result.ok) {
      const errors: Record<string, string> =
        result.reason === 'usernameTaken'
          ? { username: t('invite.username.taken') }
          : result.reason === 'wrongPassword'
            ? { password: t('invite.wrongPassword') }
            : result.reason === 'ownInvitation'
              ? { code: t('invite.own') }
              : { code: t('invite.code.invalid') };
      return showAccept(
        request,
        reply,
        result.reason === 'invalid' ? ' ' : code,
        { errors, values: formValues(request.body) },
        400,
      );
    }
    reply.setCookie(SESSION_COOKIE, result.sessionId, cookieOptions);
    // A new account goes on in its language, as after signing in (sign-in.tsx).
    if (!invitation.hasAccount) setLanguageCookie(reply, language, cookieOptions.secure);
    return reply
      .flash('ok', 'invite.welcome', { network: invitation.networkName })
      .redirect(`/netwerk/${result.networkId}`, 303);
  });

  // Creating

  async function inviteView(request: FastifyRequest, network: { id: number; name: string }) {
    const organisations = await service.listOrganisationsOf(network.id);
    return {
      network,
      roleOptions: roleOptions(request.t),
      organisationOptions: organisations.map((o) => ({ value: String(o.id), label: o.name })),
      languageChoice: invitationLanguageChoice(request.t),
    };
  }

  app.get('/netwerk/:networkId/uitnodigen', checked, async (request, reply) => {
    const network = await networkFor(service, request, 'invitations.create');
    const vm = await inviteView(request, network);
    return reply.page((ctx) => <InvitePage ctx={ctx} vm={vm} />);
  });

  app.post('/netwerk/:networkId/uitnodigen', checked, async (request, reply) => {
    const network = await networkFor(service, request, 'invitations.create');
    const actor = await actorOf(request);
    const organisations = await service.listOrganisationsOf(network.id);
    const schema = z
      .object({
        kind: z.enum(['email', 'letter']).describe('people.name.inviteKind'),
        email: z.string().trim().max(200).optional().describe('people.name.email'),
        addressee: z.string().trim().max(80).optional().describe('people.name.addressee'),
        role: z.enum(memberRoles).describe('people.name.role'),
        language: invitationLanguageSchema(),
        organisationId: z
          .string()
          .optional()
          .refine((v) => !v || organisations.some((o) => String(o.id) === v), 'form.choose')
          .describe('people.name.organisation'),
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
      actor,
      network.id,
      {
        kind: form.data.kind,
        role: form.data.role,
        email: form.data.email,
        addressee: form.data.addressee,
        organisationId: form.data.organisationId ? Number(form.data.organisationId) : undefined,
        language: form.data.language,
      },
      request.ip,
      url,
    );
    if (!created.ok) {
      const vm = {
        ...(await inviteView(request, network)),
        errors: { role: request.t('invite.coordinatorsOnly') },
        values: formValues(request.body),
      };
      return reply.page((ctx) => <InvitePage ctx={ctx} vm={vm} />, 400);
    }
    if (form.data.kind === 'email') {
      // Without a mail server the mail only lands in the outbox: say so, not "sent".
      const sent = context.mailer.delivery === 'smtp';
      return reply
        .flash(sent ? 'ok' : 'info', sent ? 'invite.sent' : 'invite.queued')
        .redirect(`/netwerk/${network.id}/leden`, 303);
    }
    return showLetter(request, reply, network, {
      code: created.code,
      addressee: form.data.addressee || null,
      expiresAt: created.expiresAt,
      language: created.language,
    });
  });

  /**
   * The printable letter with a code that is shown this once (never cached), in the
   * language chosen for the invitation, whatever the coordinator's own language is.
   */
  async function showLetter(
    request: FastifyRequest,
    reply: FastifyReply,
    network: { id: number; name: string },
    letter: { code: string; addressee: string | null; expiresAt: Date; language: Lang },
  ) {
    const [settings, logo, help] = await Promise.all([
      readPlatformSettings(context.db),
      readLogo(context.db),
      service.findNetworkContact(network.id),
    ]);
    const vm = {
      sender: { organisationName: settings.organisationName, logo: logo !== undefined },
      networkName: network.name,
      addressee: letter.addressee,
      code: letter.code,
      url: `${baseUrl(config, request)}/uitnodiging`,
      validUntil: formatDate(letter.language, letter.expiresAt),
      help,
      back: `/netwerk/${network.id}/uitnodigingen`,
    };
    return reply.page((ctx) => <LetterPage ctx={ctx} vm={vm} />, 200, letter.language);
  }

  // Managing the open invitations

  app.get('/netwerk/:networkId/uitnodigingen', checked, async (request, reply) => {
    const network = await networkFor(service, request, 'invitations.create');
    const open = await service.listOpenInvitations(network.id);
    const vm = {
      network,
      invitations: open.map((i) => presentInvitationRow(request.t, request.lang, i)),
    };
    return reply.page((ctx) => <InvitationsPage ctx={ctx} vm={vm} />);
  });

  /** An open invitation of this network, or 404 (never one of another network). */
  const invitationIn = (request: FastifyRequest, networkId: number) =>
    findInNetworkOr404(
      request,
      'invitationId',
      (id) => service.findOpenInvitationIn(networkId, id),
      { action: 'invitations.create', objectType: 'invitation', networkId },
    );

  app.post(
    '/netwerk/:networkId/uitnodigingen/:invitationId/opnieuw',
    checked,
    async (request, reply) => {
      const network = await networkFor(service, request, 'invitations.create');
      const actor = await actorOf(request);
      const invitation = await invitationIn(request, network.id);
      const renewed = await service.resendInvitation(
        actor,
        invitation,
        request.ip,
        baseUrl(config, request),
      );
      const back = `/netwerk/${network.id}/uitnodigingen`;
      if (!renewed) return reply.flash('error', 'invitations.gone').redirect(back, 303);
      if (invitation.kind === 'email') {
        const sent = context.mailer.delivery === 'smtp';
        return reply
          .flash(sent ? 'ok' : 'info', sent ? 'invitations.resent' : 'invite.queued')
          .redirect(back, 303);
      }
      return showLetter(request, reply, network, renewed);
    },
  );

  app.post(
    '/netwerk/:networkId/uitnodigingen/:invitationId/intrekken',
    checked,
    async (request, reply) => {
      const network = await networkFor(service, request, 'invitations.create');
      const actor = await actorOf(request);
      const invitation = await invitationIn(request, network.id);
      const revoked = await service.revokeInvitation(actor, invitation, request.ip);
      return reply
        .flash(revoked ? 'ok' : 'error', revoked ? 'invitations.revoked' : 'invitations.gone')
        .redirect(`/netwerk/${network.id}/uitnodigingen`, 303);
    },
  );
}
