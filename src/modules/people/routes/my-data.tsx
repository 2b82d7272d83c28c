// My data: what the platform holds about me, whether I am listed on public pages, a download
// of everything (AVG articles 15 and 20), and erasing my account (article 17).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParam } from '../../../platform/access.js';
import { roleIn } from '../../../platform/actor.js';
import { type FormState, formValues, parseForm } from '../../../platform/forms.js';
import { setLanguageCookie } from '../../../platform/pages.js';
import { baseUrl } from '../../../platform/urls.js';
import { buildPersonArchive } from '../archive.js';
import { isCommonPassword } from '../common-passwords.js';
import { presentAccount, presentMyData } from '../presenters.js';
import { EMAIL_CHANGE_HOURS } from '../service/index.js';
import { SESSION_COOKIE } from '../session.js';
import type { AccountViewModel } from '../views/account.js';
import { ConfirmEmailPage } from '../views/account.js';
import { MyDataPage } from '../views/admin.js';
import {
  actorOf,
  checked,
  networkFor,
  type PeopleDeps,
  passwordField,
  signedIn,
} from './shared.js';

const eraseSchema = z.object({
  password: z.string().min(1).max(200).describe('people.name.password'),
  confirm: z
    .literal('on', { errorMap: () => ({ message: 'myData.erase.confirmRequired' }) })
    .describe('people.name.eraseConfirm'),
});

const nameSchema = z.object({
  displayName: z.string().trim().min(1).max(60).describe('account.name.displayName'),
});
const emailSchema = z.object({
  newEmail: z.string().trim().toLowerCase().email().max(200).describe('account.name.newEmail'),
});
const passwordSchema = z.object({
  currentPassword: z.string().min(1).max(200).describe('account.name.currentPassword'),
  newPassword: passwordField
    .refine((p) => !isCommonPassword(p), 'password.common')
    .describe('account.name.newPassword'),
});
const languageSchema = z.object({
  language: z.enum(['nl', 'en']).describe('account.name.language'),
});
const tokenQuery = z.object({ token: z.string().min(1).max(100) });

type OpenForm = AccountViewModel['open'];

export async function myDataRoutes(app: FastifyInstance, deps: PeopleDeps): Promise<void> {
  const { service, context } = deps;

  /** The cookie of this request's session (the signed-in policy made sure there is one). */
  const sessionIdOf = (request: FastifyRequest) => request.cookies[SESSION_COOKIE] ?? '';

  async function myDataView(request: FastifyRequest, open?: OpenForm) {
    const actor = await actorOf(request);
    const [person, memberships, sessions] = await Promise.all([
      service.findPersonById(actor.personId),
      service.listMembershipsOf(actor.personId),
      service.listOwnSessions(actor, sessionIdOf(request)),
    ]);
    const account = presentAccount(
      request.t,
      request.lang,
      person ?? { displayName: '', email: null, passwordHash: null, language: null },
      memberships,
      sessions,
      EMAIL_CHANGE_HOURS,
    );
    return presentMyData(request.t, person, memberships, { ...account, open });
  }

  /** The page again with one form's errors and input: 400. */
  async function showWithErrors(
    request: FastifyRequest,
    reply: FastifyReply,
    form: NonNullable<OpenForm>['form'],
    state: FormState,
  ) {
    const vm = await myDataView(request, { form, ...state });
    return reply.page((ctx) => <MyDataPage ctx={ctx} vm={vm} />, 400);
  }

  app.get('/mijn-gegevens', signedIn, async (request, reply) => {
    const vm = await myDataView(request);
    return reply.page((ctx) => <MyDataPage ctx={ctx} vm={vm} />);
  });

  app.post('/mijn-gegevens/naam', signedIn, async (request, reply) => {
    const actor = await actorOf(request);
    const form = parseForm(nameSchema, request.body, request.t);
    if (!form.ok) return showWithErrors(request, reply, 'name', form);
    await service.changeDisplayName(actor, form.data.displayName, request.ip);
    return reply.flash('ok', 'account.nameSaved').redirect('/mijn-gegevens', 303);
  });

  app.post('/mijn-gegevens/e-mailadres', signedIn, async (request, reply) => {
    const actor = await actorOf(request);
    const form = parseForm(emailSchema, request.body, request.t);
    if (!form.ok) return showWithErrors(request, reply, 'email', form);
    const result = await service.requestEmailChange(
      actor,
      form.data.newEmail,
      baseUrl(context.config, request),
      request.ip,
    );
    if (result !== 'sent') {
      return showWithErrors(request, reply, 'email', {
        errors: {
          newEmail: request.t(result === 'same' ? 'account.email.same' : 'account.email.taken'),
        },
        values: formValues(request.body),
      });
    }
    return reply.flash('ok', 'account.email.sent').redirect('/mijn-gegevens', 303);
  });

  app.get('/mijn-gegevens/e-mailadres/bevestigen', signedIn, async (request, reply) => {
    const query = tokenQuery.safeParse(request.query);
    if (!query.success) {
      return reply.flash('error', 'account.email.invalid').redirect('/mijn-gegevens', 303);
    }
    return reply
      .header('referrer-policy', 'no-referrer')
      .page((ctx) => <ConfirmEmailPage ctx={ctx} token={query.data.token} />);
  });

  app.post('/mijn-gegevens/e-mailadres/bevestigen', signedIn, async (request, reply) => {
    const actor = await actorOf(request);
    const token = tokenQuery.safeParse(formValues(request.body));
    const result = token.success
      ? await service.confirmEmailChange(actor, token.data.token, request.ip)
      : 'invalid';
    if (result !== 'ok') {
      return reply
        .flash('error', result === 'taken' ? 'account.email.taken' : 'account.email.invalid')
        .redirect('/mijn-gegevens', 303);
    }
    return reply.flash('ok', 'account.email.confirmed').redirect('/mijn-gegevens', 303);
  });

  app.post('/mijn-gegevens/wachtwoord', signedIn, async (request, reply) => {
    const actor = await actorOf(request);
    const form = parseForm(passwordSchema, request.body, request.t);
    if (!form.ok) return showWithErrors(request, reply, 'password', { errors: form.errors });
    const person = await service.findPersonById(actor.personId);
    // The same rules as for a new account: not common, not made of one's name or address.
    if (
      isCommonPassword(form.data.newPassword, [
        person?.displayName ?? '',
        person?.username ?? '',
        person?.email ?? '',
      ])
    ) {
      return showWithErrors(request, reply, 'password', {
        errors: { newPassword: request.t('password.common') },
      });
    }
    const result = await service.changePassword(
      actor,
      form.data.currentPassword,
      form.data.newPassword,
      sessionIdOf(request),
      request.ip,
    );
    if (result === 'wrongPassword') {
      return showWithErrors(request, reply, 'password', {
        errors: { currentPassword: request.t('account.password.wrong') },
      });
    }
    return reply.flash('ok', 'account.password.saved').redirect('/mijn-gegevens', 303);
  });

  app.post('/mijn-gegevens/taal', signedIn, async (request, reply) => {
    const actor = await actorOf(request);
    const form = parseForm(languageSchema, request.body, request.t);
    if (!form.ok) return showWithErrors(request, reply, 'language', form);
    await service.changeLanguage(actor, form.data.language, request.ip);
    setLanguageCookie(reply, form.data.language, context.config.publicUrl.startsWith('https://'));
    return reply.flash('ok', 'account.language.saved').redirect('/mijn-gegevens', 303);
  });

  app.post('/mijn-gegevens/netwerken/:networkId/verlaten', checked, async (request, reply) => {
    // Only one's own networks: any other is 404 (not revealed), audited.
    const network = await networkFor(service, request, 'network.leave');
    const actor = await actorOf(request);
    const result = await service.leaveNetwork(actor, network.id, request.ip);
    if (result === 'notMember') return request.deny({ action: 'membership.leave', status: 404 });
    if (result === 'lastCoordinator') {
      return reply.flash('error', 'account.leave.lastCoordinator').redirect('/mijn-gegevens', 303);
    }
    return reply
      .flash('ok', 'account.leave.done', { network: network.name })
      .redirect('/mijn-gegevens', 303);
  });

  app.post('/mijn-gegevens/sessies/:sessionId/beeindigen', signedIn, async (request, reply) => {
    const actor = await actorOf(request);
    const sessionId = idParam.safeParse((request.params as { sessionId?: string }).sessionId);
    const ended =
      sessionId.success && (await service.endOwnSession(actor, sessionId.data, request.ip));
    if (!ended) return request.deny({ action: 'session.end', status: 404 });
    return reply.flash('ok', 'account.sessions.ended').redirect('/mijn-gegevens', 303);
  });

  app.post('/mijn-gegevens/sessies/andere-beeindigen', signedIn, async (request, reply) => {
    const actor = await actorOf(request);
    await service.endOtherSessions(actor, sessionIdOf(request), request.ip);
    return reply.flash('ok', 'account.sessions.endedOthers').redirect('/mijn-gegevens', 303);
  });

  app.post('/mijn-gegevens/zichtbaarheid', signedIn, async (request, reply) => {
    const actor = await actorOf(request);
    const values = formValues(request.body);
    const networkId = idParam.safeParse(values.networkId);
    if (networkId.success && roleIn(actor, networkId.data)) {
      await service.setListed(actor, networkId.data, values[`listed-${networkId.data}`] === 'on');
    }
    return reply.flash('ok', 'myData.listedSaved').redirect('/mijn-gegevens', 303);
  });

  app.post('/mijn-gegevens/download', signedIn, async (request, reply) => {
    const actor = await actorOf(request);
    const data = await service.exportPerson(actor.personId, request.ip);
    const files = await service.listPersonFiles(actor.personId);
    const archive = buildPersonArchive(data, files, request.t, request.lang);
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', 'attachment; filename="mijn-gegevens-buurtkracht.zip"')
      .header('cache-control', 'no-store')
      .send(Buffer.from(archive));
  });

  app.post('/mijn-gegevens/verwijderen', signedIn, async (request, reply) => {
    const actor = await actorOf(request);
    const form = parseForm(eraseSchema, request.body, request.t);
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
