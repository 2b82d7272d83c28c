// Regions, municipalities, areas, networks and organisations: each has a list page with the
// form to add one, and a page to change one (parse → authorize → service → redirect, or the
// form again with the errors and the input, status 400). A network's page also invites its
// first coordinator, through the people module's invitations.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type FormState, type FormValues, formValues, parseForm } from '../../../platform/forms.js';
import { formatDate, type MessageKey } from '../../../platform/i18n/index.js';
import { baseUrl } from '../../../platform/urls.js';
import { peopleModule } from '../../people/index.js';
import {
  areaKindField,
  nameField,
  networkTextFields,
  optionalWebsite,
  organisationTypeField,
  slugField,
} from '../fields.js';
import {
  areaFields,
  areaTable,
  backToAdmin,
  formSpec,
  municipalityFields,
  municipalityTable,
  networkFields,
  networkTable,
  networkValues,
  organisationFields,
  organisationTable,
  organisationValues,
  regionFields,
  regionTable,
} from '../presenters.js';
import type { SaveResult } from '../service.js';
import {
  AdminPage,
  type AdminPageViewModel,
  type FieldSpec,
  type SectionSpec,
} from '../views/pages.js';
import {
  type AdminDeps,
  checked,
  findOr404,
  idField,
  idList,
  requireAdmin,
  tick,
  translateErrors,
} from './shared.js';

/** One kind of thing the administration lists, adds and changes. */
interface Kind<Row, Schema extends z.ZodTypeAny> {
  path: string;
  objectType: string;
  title: MessageKey;
  intro: MessageKey;
  addTitle: MessageKey;
  editTitle: MessageKey;
  saved: MessageKey;
  find(id: number): Promise<Row | undefined>;
  /** The table of every row (and what the forms need to choose from). */
  table(request: FastifyRequest): Promise<SectionSpec['table']>;
  fields(request: FastifyRequest, row: Row | undefined): Promise<FieldSpec[]>;
  values(row: Row): FormValues;
  schema(row: Row | undefined): Schema;
  save(
    id: number | undefined,
    data: z.output<Schema>,
    request: FastifyRequest,
  ): Promise<SaveResult>;
  /** What the form to add one starts with (a new network is public unless unticked). */
  defaults?: FormValues;
  /** Extra sections on the page of one row (a network's coordinators). */
  extra?(request: FastifyRequest, row: Row): Promise<SectionSpec[]>;
  name(row: Row): string;
}

function registerKind<Row extends { id: number }, Schema extends z.ZodTypeAny>(
  app: FastifyInstance,
  kind: Kind<Row, Schema>,
): void {
  async function listPage(
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState = {},
    status = 200,
  ) {
    const vm: AdminPageViewModel = {
      title: request.t(kind.title),
      intro: request.t(kind.intro),
      back: backToAdmin(request.t),
      sections: [
        { title: request.t('admin.overview'), table: await kind.table(request) },
        {
          title: request.t(kind.addTitle),
          form: formSpec(request.t, {
            action: kind.path,
            fields: await kind.fields(request, undefined),
            submit: request.t('admin.add'),
            values: state.values ?? kind.defaults,
            errors: state.errors,
          }),
        },
      ],
    };
    return reply.page((ctx) => <AdminPage ctx={ctx} vm={vm} />, status);
  }

  async function editPage(
    request: FastifyRequest,
    reply: FastifyReply,
    row: Row,
    state: FormState = {},
    status = 200,
  ) {
    const vm: AdminPageViewModel = {
      title: `${request.t(kind.editTitle)}: ${kind.name(row)}`,
      back: {
        href: kind.path,
        label: request.t('admin.backTo', { page: request.t(kind.title) }),
      },
      sections: [
        {
          title: request.t('admin.details'),
          form: formSpec(request.t, {
            action: `${kind.path}/${row.id}`,
            fields: await kind.fields(request, row),
            submit: request.t('admin.save'),
            values: state.values ?? kind.values(row),
            errors: state.errors,
          }),
        },
        ...(kind.extra ? await kind.extra(request, row) : []),
      ],
    };
    return reply.page((ctx) => <AdminPage ctx={ctx} vm={vm} />, status);
  }

  async function handleSave(request: FastifyRequest, reply: FastifyReply, row: Row | undefined) {
    const form = parseForm(kind.schema(row), request.body, request.t);
    const show = (state: FormState) =>
      row ? editPage(request, reply, row, state, 400) : listPage(request, reply, state, 400);
    if (!form.ok) return show({ errors: form.errors, values: form.values });
    const result = await kind.save(row?.id, form.data, request);
    if (!result.ok) {
      return show({
        errors: translateErrors(request.t, result.errors, kind.schema(row)),
        values: formValues(request.body),
      });
    }
    return reply.flash('ok', kind.saved).redirect(row ? `${kind.path}/${row.id}` : kind.path, 303);
  }

  app.get(kind.path, checked, async (request, reply) => {
    await requireAdmin(request);
    return listPage(request, reply);
  });
  app.post(kind.path, checked, async (request, reply) => {
    await requireAdmin(request);
    return handleSave(request, reply, undefined);
  });
  app.get(`${kind.path}/:id`, checked, async (request, reply) => {
    await requireAdmin(request);
    const row = await findOr404(request, 'id', kind.find, kind.objectType);
    return editPage(request, reply, row);
  });
  app.post(`${kind.path}/:id`, checked, async (request, reply) => {
    await requireAdmin(request);
    const row = await findOr404(request, 'id', kind.find, kind.objectType);
    return handleSave(request, reply, row);
  });
}

export async function placeRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { service, people, context } = deps;
  const directory = peopleModule.api.directory(context.db);
  const by = (request: FastifyRequest) => ({
    actorId: request.actor!.personId,
    origin: request.ip,
  });

  async function coordinatorCounts(networkIds: number[]): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    for (const id of networkIds) {
      const members = await directory.listMembers(id);
      counts.set(id, members.filter((m) => m.role === 'coordinator').length);
    }
    return counts;
  }

  registerKind(app, {
    path: '/beheer/regios',
    objectType: 'region',
    title: 'admin.regions.title',
    intro: 'admin.regions.intro',
    addTitle: 'admin.regions.add',
    editTitle: 'admin.regions.edit',
    saved: 'admin.saved',
    find: service.findRegion,
    table: async (request) => regionTable(request.t, await service.listRegions()),
    fields: async (request) => regionFields(request.t),
    values: (r) => ({ name: r.name, slug: r.slug }),
    schema: () => z.object({ name: nameField, slug: slugField }),
    save: (id, data, request) => service.saveRegion(id, data, by(request)),
    name: (r) => r.name,
  });

  registerKind(app, {
    path: '/beheer/gemeenten',
    objectType: 'municipality',
    title: 'admin.municipalities.title',
    intro: 'admin.municipalities.intro',
    addTitle: 'admin.municipalities.add',
    editTitle: 'admin.municipalities.edit',
    saved: 'admin.saved',
    find: service.findMunicipality,
    table: async (request) =>
      municipalityTable(request.t, await service.listMunicipalities(), await service.listRegions()),
    fields: async (request) => municipalityFields(request.t, await service.listRegions()),
    values: (m) => ({ name: m.name, slug: m.slug, regionId: String(m.regionId) }),
    schema: () =>
      z.object({
        name: nameField,
        slug: slugField,
        regionId: idField.describe('admin.name.region'),
      }),
    save: (id, data, request) => service.saveMunicipality(id, data, by(request)),
    name: (m) => m.name,
  });

  registerKind(app, {
    path: '/beheer/gebieden',
    objectType: 'area',
    title: 'admin.areas.title',
    intro: 'admin.areas.intro',
    addTitle: 'admin.areas.add',
    editTitle: 'admin.areas.edit',
    saved: 'admin.saved',
    find: service.findArea,
    table: async (request) =>
      areaTable(request.t, await service.listAreas(), await service.listMunicipalities()),
    fields: async (request) => areaFields(request.t, await service.listMunicipalities()),
    values: (a) => ({
      name: a.name,
      slug: a.slug,
      kind: a.kind,
      municipalityId: String(a.municipalityId),
    }),
    schema: () =>
      z.object({
        name: nameField,
        slug: slugField,
        kind: areaKindField,
        municipalityId: idField.describe('admin.name.municipality'),
      }),
    save: (id, data, request) => service.saveArea(id, data, by(request)),
    name: (a) => a.name,
  });

  const networkSchema = z.object({
    ...networkTextFields,
    isPublic: tick.describe('admin.name.isPublic'),
  });
  registerKind(app, {
    path: '/beheer/netwerken',
    objectType: 'network',
    title: 'admin.networks.title',
    intro: 'admin.networks.intro',
    addTitle: 'admin.networks.add',
    editTitle: 'admin.networks.edit',
    saved: 'admin.saved',
    find: service.findNetwork,
    table: async (request) => {
      const networks = await service.listNetworks();
      return networkTable(request.t, networks, await coordinatorCounts(networks.map((n) => n.id)));
    },
    fields: async (request, row) => {
      if (row) return networkFields(request.t, { withName: true });
      const [areas, networks] = await Promise.all([service.listAreas(), service.listNetworks()]);
      const taken = new Set(networks.map((n) => n.areaId));
      return networkFields(request.t, {
        withName: true,
        areas: areas.filter((a) => !taken.has(a.id)),
      });
    },
    values: networkValues,
    defaults: { isPublic: 'on' },
    schema: (row) =>
      row ? networkSchema : networkSchema.extend({ areaId: idField.describe('admin.name.area') }),
    save: (id, data, request) =>
      service.saveNetwork(
        id,
        data as z.output<typeof networkSchema> & { areaId?: number },
        by(request),
      ),
    extra: async (request, network) => {
      const members = await directory.listMembers(network.id);
      const coordinators = members.filter((m) => m.role === 'coordinator');
      const pending = (await people.listOpenInvitations(network.id)).filter(
        (i) => i.role === 'coordinator',
      );
      const organisations = (await service.listOrganisations()).filter((o) =>
        o.networkIds.includes(network.id),
      );
      return [
        coordinatorSection(
          request,
          network.id,
          coordinators.map((c) => c.name),
        ),
        ...(pending.length > 0
          ? [
              {
                title: request.t('admin.coordinator.pending'),
                table: {
                  caption: request.t('admin.coordinator.pending'),
                  columns: [
                    request.t('admin.coordinator.email'),
                    request.t('admin.coordinator.sentOn'),
                    request.t('admin.coordinator.validUntil'),
                  ],
                  rows: pending.map((i) => ({
                    key: String(i.id),
                    cells: [
                      i.email ?? i.addressee ?? '',
                      formatDate(request.lang, i.createdAt),
                      formatDate(request.lang, i.expiresAt),
                    ],
                  })),
                  empty: '',
                },
              },
            ]
          : []),
        {
          title: request.t('admin.networks.organisations'),
          intro: request.t('admin.networks.organisations.intro'),
          links:
            organisations.length > 0
              ? organisations.map((o) => ({ href: `/beheer/organisaties/${o.id}`, label: o.name }))
              : [{ href: '/beheer/organisaties', label: request.t('admin.organisations.title') }],
        },
        {
          title: request.t('admin.networks.pages'),
          links: [
            { href: `/netwerk/${network.id}`, label: request.t('admin.networks.memberPage') },
            ...(network.isPublic
              ? [{ href: `/buurt/${network.slug}`, label: request.t('admin.networks.publicPage') }]
              : []),
          ],
        },
      ];
    },
    name: (n) => n.name,
  });

  function coordinatorSection(
    request: FastifyRequest,
    networkId: number,
    names: string[],
    state: FormState = {},
  ): SectionSpec {
    const t = request.t;
    return {
      title: t('admin.coordinator.title'),
      intro:
        names.length === 0
          ? t('admin.coordinator.none')
          : t('admin.coordinator.some', { names: names.join(', ') }),
      ...(names.length === 0
        ? {
            form: formSpec(t, {
              action: `/beheer/netwerken/${networkId}/coordinator`,
              intro: t('admin.coordinator.intro'),
              fields: [
                {
                  kind: 'email',
                  name: 'email',
                  label: t('admin.coordinator.email'),
                  required: true,
                  autocomplete: 'off',
                },
                // The letter's language, as on the coordinators' own invitation form.
                { kind: 'radio', ...peopleModule.api.invitationLanguage.choice(t) },
              ],
              submit: t('admin.coordinator.submit'),
              ...state,
            }),
          }
        : {}),
    };
  }

  // The first coordinator of a network, by an invitation from the people module: its rules
  // hold (a coordinator role comes from a coordinator, or from anyone while there is none).
  app.post('/beheer/netwerken/:id/coordinator', checked, async (request, reply) => {
    await requireAdmin(request);
    const network = await findOr404(request, 'id', service.findNetwork, 'network');
    const form = parseForm(
      z.object({
        email: z
          .string()
          .trim()
          .toLowerCase()
          .max(200)
          .email('form.email')
          .describe('admin.name.coordinatorEmail'),
        language: peopleModule.api.invitationLanguage.schema(),
      }),
      request.body,
      request.t,
    );
    const again = async (state: FormState) => {
      const vm: AdminPageViewModel = {
        title: request.t('admin.coordinator.title'),
        back: { href: `/beheer/netwerken/${network.id}`, label: network.name },
        sections: [coordinatorSection(request, network.id, [], state)],
      };
      return reply.page((ctx) => <AdminPage ctx={ctx} vm={vm} />, 400);
    };
    if (!form.ok) return again({ errors: form.errors, values: form.values });
    const created = await people.createInvitation(
      request.actor!,
      network.id,
      {
        kind: 'email',
        role: 'coordinator',
        email: form.data.email,
        language: form.data.language,
      },
      request.ip,
      baseUrl(context.config, request),
    );
    if (!created.ok) {
      return again({
        errors: { email: request.t('admin.coordinator.exists') },
        values: formValues(request.body),
      });
    }
    const sent = context.mailer.delivery === 'smtp';
    return reply
      .flash(sent ? 'ok' : 'info', sent ? 'admin.coordinator.sent' : 'admin.coordinator.queued')
      .redirect(`/beheer/netwerken/${network.id}`, 303);
  });

  registerKind(app, {
    path: '/beheer/organisaties',
    objectType: 'organisation',
    title: 'admin.organisations.title',
    intro: 'admin.organisations.intro',
    addTitle: 'admin.organisations.add',
    editTitle: 'admin.organisations.edit',
    saved: 'admin.saved',
    find: service.findOrganisation,
    table: async (request) =>
      organisationTable(request.t, await service.listOrganisations(), await service.listNetworks()),
    fields: async (request) => organisationFields(request.t, await service.listNetworks()),
    values: organisationValues,
    schema: () =>
      z.object({
        name: nameField,
        type: organisationTypeField,
        website: optionalWebsite,
        networkIds: idList.describe('admin.name.networks'),
      }),
    save: (id, data, request) => service.saveOrganisation(id, data, by(request)),
    name: (o) => o.name,
  });
}
