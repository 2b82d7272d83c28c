// Signing in and out, and choosing a new password with a link from the mail.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formValues, parseForm } from '../../../platform/forms.js';
import { isLang, isMessageKey, type Translate } from '../../../platform/i18n/index.js';
import { safeLocalPath, setLanguageCookie } from '../../../platform/pages.js';
import { baseUrl } from '../../../platform/urls.js';
import { isCommonPassword } from '../common-passwords.js';
import { SESSION_COOKIE } from '../session.js';
import { ForgotPasswordPage, LoginPage, ResetPasswordPage } from '../views/auth.js';
import {
  loginLimited,
  open,
  type PeopleDeps,
  passwordField,
  sessionCookieOptions,
  signInLimited,
} from './shared.js';

const loginSchema = z.object({
  identifier: z.string().trim().min(1).max(200).describe('people.name.identifier'),
  password: z.string().min(1).max(200).describe('people.name.password'),
  terug: z.string().optional().describe('people.name.back'),
});

export async function signInRoutes(app: FastifyInstance, deps: PeopleDeps): Promise<void> {
  const { service, context } = deps;
  const { config } = context;
  const cookieOptions = sessionCookieOptions(config);

  /** The demo accounts for the login page, in demo mode only. */
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

  app.get<{ Querystring: { terug?: string } }>('/inloggen', open, (request, reply) => {
    if (request.actor) return reply.redirect(safeLocalPath(request.query.terug, '/netwerk'), 303);
    const back = safeLocalPath(request.query.terug, '/netwerk');
    return reply.page((ctx) => <LoginPage ctx={ctx} vm={{ back, demo: demo(request.t) }} />);
  });

  app.post('/inloggen', signInLimited, async (request, reply) => {
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
      request.headers['user-agent'],
    );
    if (!result.ok) {
      const message = request.t(
        result.reason === 'limited'
          ? 'login.limited'
          : result.reason === 'wait'
            ? 'login.wait'
            : result.reason === 'deactivated'
              ? 'login.deactivated'
              : 'login.invalid',
      );
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
        result.reason === 'invalid' || result.reason === 'deactivated' ? 400 : 429,
      );
    }
    reply.setCookie(SESSION_COOKIE, result.sessionId, cookieOptions);
    // The interface follows the language stored on the account.
    if (isLang(result.language)) setLanguageCookie(reply, result.language, cookieOptions.secure);
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

  app.post('/wachtwoord-vergeten', loginLimited, async (request, reply) => {
    const form = parseForm(
      z.object({ email: z.string().trim().email().max(200).describe('people.name.email') }),
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
  });

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

  const resetSchema = z.object({
    token: z.string().min(1).max(100).describe('people.name.resetToken'),
    password: passwordField
      .refine((p) => !isCommonPassword(p), 'password.common')
      .describe('people.name.newPassword'),
  });

  app.post('/wachtwoord-herstellen', loginLimited, async (request, reply) => {
    const form = parseForm(resetSchema, request.body, request.t);
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
  });
}
