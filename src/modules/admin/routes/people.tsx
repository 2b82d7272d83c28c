// People and leaders: search accounts, one account's page (what it is, where it is a member,
// how many sessions it has: never what the person wrote), deactivate and reactivate it, end
// its sessions, mail it a reset link; leaders with their scope (a municipality or a region).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type FormState, parseForm } from '../../../platform/forms.js';
import { formatDate, languages } from '../../../platform/i18n/index.js';
import { baseUrl } from '../../../platform/urls.js';
import { peopleModule } from '../../people/index.js';
import { backToAdmin, formSpec } from '../presenters.js';
import { AdminPage, type AdminPageViewModel } from '../views/pages.js';
import { type AdminDeps, checked, findOr404, idField, requireAdmin } from './shared.js';

export async function peopleRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { service, people, context } = deps;

  app.get<{ Querystring: { q?: string } }>('/beheer/mensen', checked, async (request, reply) => {
    await requireAdmin(request);
    const t = request.t;
    const q = typeof request.query.q === 'string' ? request.query.q.slice(0, 100) : '';
    const found = q ? await people.searchAccounts(q) : [];
    const vm: AdminPageViewModel = {
      title: t('admin.people.title'),
      intro: t('admin.people.intro'),
      back: backToAdmin(t),
      search: {
        action: '/beheer/mensen',
        label: t('admin.people.search'),
        value: q,
        submit: t('admin.people.searchSubmit'),
      },
      sections: q
        ? [
            {
              title: t('admin.people.results', { count: found.length }),
              table: {
                caption: t('admin.people.results', { count: found.length }),
                columns: [
                  t('admin.people.name'),
                  t('admin.people.login'),
                  t('admin.people.status'),
                ],
                rows: found.map((p) => ({
                  key: String(p.id),
                  cells: [
                    p.displayName,
                    p.email ?? p.username ?? '',
                    p.deactivatedAt
                      ? t('admin.people.closed')
                      : p.isAdmin
                        ? t('admin.people.admin')
                        : t('admin.people.active'),
                  ],
                  href: `/beheer/mensen/${p.id}`,
                })),
                empty: t('admin.people.none'),
              },
            },
          ]
        : [],
    };
    return reply.page((ctx) => <AdminPage ctx={ctx} vm={vm} />);
  });

  async function accountPage(request: FastifyRequest, reply: FastifyReply, id: number) {
    const t = request.t;
    const account = await findOr404(request, 'id', people.findAccount, 'person');
    const [memberships, sessions, scopes, municipalities, regions] = await Promise.all([
      people.listMembershipsOf(account.id),
      people.countSessionsOf(account.id),
      people.listLeaderScopes(),
      service.listMunicipalities(),
      service.listRegions(),
    ]);
    const leaderOf = scopes
      .filter((s) => s.personId === account.id)
      .map((s) =>
        s.municipalityId
          ? t('admin.leaders.municipality', {
              name: municipalities.find((m) => m.id === s.municipalityId)?.name ?? '',
            })
          : t('admin.leaders.region', {
              name: regions.find((r) => r.id === s.regionId)?.name ?? '',
            }),
      );
    const base = `/beheer/mensen/${id}`;
    const vm: AdminPageViewModel = {
      title: account.displayName || t('admin.people.noName'),
      intro: t('admin.people.privacy'),
      back: { href: '/beheer/mensen', label: t('admin.backTo', { page: t('admin.people.title') }) },
      sections: [
        {
          title: t('admin.people.account'),
          facts: [
            { label: t('admin.people.login'), value: account.email ?? account.username ?? '' },
            {
              label: t('admin.people.status'),
              value: account.deactivatedAt
                ? t('admin.people.closedSince', {
                    date: formatDate(request.lang, account.deactivatedAt),
                  })
                : t('admin.people.active'),
            },
            {
              label: t('admin.people.role'),
              value: account.isAdmin ? t('admin.people.admin') : t('admin.people.member'),
            },
            ...(leaderOf.length > 0
              ? [{ label: t('admin.people.leaderOf'), value: leaderOf.join(', ') }]
              : []),
            {
              label: t('admin.people.password'),
              value: account.hasPassword ? t('admin.yes') : t('admin.people.noPassword'),
            },
            { label: t('admin.people.sessions'), value: String(sessions) },
          ],
        },
        {
          title: t('admin.people.memberships'),
          table: {
            caption: t('admin.people.memberships'),
            columns: [t('admin.field.network'), t('admin.people.role')],
            rows: memberships.map((m) => ({
              key: String(m.id),
              cells: [m.networkName, peopleModule.api.roleLabel(t, m.role)],
              href: `/beheer/netwerken/${m.networkId}`,
            })),
            empty: t('admin.people.noMemberships'),
          },
        },
        {
          title: t('admin.people.actions'),
          intro: t('admin.people.actions.intro'),
          buttons: [
            account.deactivatedAt
              ? { action: `${base}/heractiveren`, label: t('admin.people.reactivate') }
              : {
                  action: `${base}/deactiveren`,
                  label: t('admin.people.deactivate'),
                  variant: 'danger' as const,
                },
            { action: `${base}/sessies-beeindigen`, label: t('admin.people.endSessions') },
            ...(account.email
              ? [{ action: `${base}/herstellink`, label: t('admin.people.sendReset') }]
              : []),
          ],
        },
      ],
    };
    return reply.page((ctx) => <AdminPage ctx={ctx} vm={vm} />);
  }

  app.get('/beheer/mensen/:id', checked, async (request, reply) => {
    await requireAdmin(request);
    const account = await findOr404(request, 'id', people.findAccount, 'person');
    return accountPage(request, reply, account.id);
  });

  app.post('/beheer/mensen/:id/deactiveren', checked, async (request, reply) => {
    const by = await requireAdmin(request);
    const account = await findOr404(request, 'id', people.findAccount, 'person');
    const result = await people.setDeactivated(account.id, true, by);
    const back = `/beheer/mensen/${account.id}`;
    if (result === 'self') return reply.flash('error', 'admin.people.notSelf').redirect(back, 303);
    if (result === 'lastAdmin')
      return reply.flash('error', 'admin.people.lastAdmin').redirect(back, 303);
    return reply.flash('ok', 'admin.people.deactivated').redirect(back, 303);
  });

  app.post('/beheer/mensen/:id/heractiveren', checked, async (request, reply) => {
    const by = await requireAdmin(request);
    const account = await findOr404(request, 'id', people.findAccount, 'person');
    await people.setDeactivated(account.id, false, by);
    return reply
      .flash('ok', 'admin.people.reactivated')
      .redirect(`/beheer/mensen/${account.id}`, 303);
  });

  app.post('/beheer/mensen/:id/sessies-beeindigen', checked, async (request, reply) => {
    const by = await requireAdmin(request);
    const account = await findOr404(request, 'id', people.findAccount, 'person');
    await people.endSessions(account.id, by);
    return reply
      .flash('ok', 'admin.people.sessionsEnded')
      .redirect(`/beheer/mensen/${account.id}`, 303);
  });

  app.post('/beheer/mensen/:id/herstellink', checked, async (request, reply) => {
    const by = await requireAdmin(request);
    const account = await findOr404(request, 'id', people.findAccount, 'person');
    const sent = await people.sendResetLink(account.id, baseUrl(context.config, request), by);
    return reply
      .flash(sent ? 'ok' : 'error', sent ? 'admin.people.resetSent' : 'admin.people.noEmail')
      .redirect(`/beheer/mensen/${account.id}`, 303);
  });

  // Leaders

  async function leadersPage(
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState = {},
    status = 200,
  ) {
    const t = request.t;
    const [scopes, municipalities, regions] = await Promise.all([
      people.listLeaderScopes(),
      service.listMunicipalities(),
      service.listRegions(),
    ]);
    const municipalityName = new Map(municipalities.map((m) => [m.id, m.name]));
    const regionName = new Map(regions.map((r) => [r.id, r.name]));
    const scopeOptions = [
      ...regions.map((r) => ({
        value: `r${r.id}`,
        label: t('admin.leaders.region', { name: r.name }),
      })),
      ...municipalities.map((m) => ({
        value: `m${m.id}`,
        label: t('admin.leaders.municipality', { name: m.name }),
      })),
    ];
    const vm: AdminPageViewModel = {
      title: t('admin.leaders.title'),
      intro: t('admin.leaders.intro'),
      back: backToAdmin(t),
      sections: [
        {
          title: t('admin.leaders.list'),
          table: {
            caption: t('admin.leaders.list'),
            // Name and area only (the address is on the account page): it fits a phone.
            columns: [t('admin.people.name'), t('admin.leaders.scope')],
            rows: scopes.map((s) => ({
              key: String(s.id),
              cells: [
                s.displayName,
                s.municipalityId
                  ? t('admin.leaders.municipality', {
                      name: municipalityName.get(s.municipalityId) ?? '',
                    })
                  : t('admin.leaders.region', { name: regionName.get(s.regionId ?? -1) ?? '' }),
              ],
              href: `/beheer/mensen/${s.personId}`,
              button: {
                action: `/beheer/bestuurders/${s.id}/verwijderen`,
                label: t('admin.leaders.remove', { name: s.displayName }),
                variant: 'secondary' as const,
              },
            })),
            empty: t('admin.leaders.none'),
            buttonColumn: t('admin.leaders.action'),
          },
        },
        {
          title: t('admin.leaders.add'),
          form: formSpec(t, {
            action: '/beheer/bestuurders',
            intro: t('admin.leaders.addIntro'),
            fields: [
              {
                kind: 'email',
                name: 'email',
                label: t('admin.leaders.email'),
                required: true,
                autocomplete: 'off',
              },
              {
                kind: 'text',
                name: 'displayName',
                label: t('admin.leaders.name'),
                description: t('admin.leaders.name.hint'),
                required: true,
                autocomplete: 'off',
              },
              {
                kind: 'select',
                name: 'scope',
                label: t('admin.leaders.scope'),
                description: t('admin.leaders.scope.hint'),
                options: scopeOptions,
                placeholder: t('admin.choose'),
                required: true,
              },
              {
                kind: 'select',
                name: 'language',
                label: t('admin.leaders.language'),
                description: t('admin.leaders.language.hint'),
                options: [
                  { value: 'nl', label: t('admin.language.nl'), lang: 'nl' },
                  { value: 'en', label: t('admin.language.en'), lang: 'en' },
                ],
                required: true,
              },
            ],
            submit: t('admin.leaders.submit'),
            ...state,
          }),
        },
      ],
    };
    return reply.page((ctx) => <AdminPage ctx={ctx} vm={vm} />, status);
  }

  app.get('/beheer/bestuurders', checked, async (request, reply) => {
    await requireAdmin(request);
    return leadersPage(request, reply);
  });

  app.post('/beheer/bestuurders', checked, async (request, reply) => {
    const by = await requireAdmin(request);
    const [municipalities, regions] = await Promise.all([
      service.listMunicipalities(),
      service.listRegions(),
    ]);
    const form = parseForm(
      z.object({
        email: z
          .string()
          .trim()
          .toLowerCase()
          .max(200, 'form.tooLong|max=200')
          .email('form.email')
          .describe('admin.name.email'),
        displayName: z
          .string()
          .trim()
          .min(1, 'form.required')
          .max(60, 'form.tooLong|max=60')
          .describe('admin.name.leaderName'),
        scope: z
          .string({ message: 'form.choose' })
          .refine(
            (v) =>
              (v.startsWith('m') && municipalities.some((m) => `m${m.id}` === v)) ||
              (v.startsWith('r') && regions.some((r) => `r${r.id}` === v)),
            'form.choose',
          )
          .describe('admin.name.scope'),
        language: z.enum(languages).optional().describe('admin.name.leaderLanguage'),
      }),
      request.body,
      request.t,
    );
    if (!form.ok)
      return leadersPage(request, reply, { errors: form.errors, values: form.values }, 400);
    const id = Number(form.data.scope.slice(1));
    const scope = form.data.scope.startsWith('m') ? { municipalityId: id } : { regionId: id };
    const added = await people.addLeader(
      {
        email: form.data.email,
        displayName: form.data.displayName,
        scope,
        language: form.data.language,
      },
      baseUrl(context.config, request),
      by,
    );
    return reply
      .flash('ok', added.created ? 'admin.leaders.created' : 'admin.leaders.added')
      .redirect('/beheer/bestuurders', 303);
  });

  app.post('/beheer/bestuurders/:id/verwijderen', checked, async (request, reply) => {
    const by = await requireAdmin(request);
    const parsed = idField.safeParse((request.params as { id?: string }).id);
    const removed = parsed.success && (await people.removeLeaderScope(parsed.data, by));
    if (!removed) {
      return request.deny({ action: 'admin.manage', objectType: 'leaderScope', status: 404 });
    }
    return reply.flash('ok', 'admin.leaders.removed').redirect('/beheer/bestuurders', 303);
  });
}
