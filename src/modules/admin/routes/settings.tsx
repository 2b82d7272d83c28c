// The administration's start page, the mail check, the platform settings, and a network's own
// settings page for its coordinators (description, contact details, public or not).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { networkFromUrl } from '../../../platform/access.js';
import { type FormState, parseForm } from '../../../platform/forms.js';
import type { UploadedFile } from '../../../platform/plugins/multipart.js';
import { accessibilityStatuses } from '../../../platform/settings.js';
import { networkTextFields } from '../fields.js';
import { can } from '../policy.js';
import {
  backToAdmin,
  formSpec,
  legalFields,
  legalValues,
  networkFields,
  networkValues,
  settingsFields,
  settingsValues,
} from '../presenters.js';
import { AdminPage, type AdminPageViewModel } from '../views/pages.js';
import { type AdminDeps, checked, requireAdmin, tick } from './shared.js';

const months = z.coerce
  .number({ message: 'admin.settings.months' })
  .int('admin.settings.months')
  .min(1, 'admin.settings.months')
  .max(120, 'admin.settings.months');

export async function settingsRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const { service, context } = deps;

  app.get('/beheer', checked, async (request, reply) => {
    await requireAdmin(request);
    const t = request.t;
    const [regions, municipalities, areas, networks, organisations] = await Promise.all([
      service.listRegions(),
      service.listMunicipalities(),
      service.listAreas(),
      service.listNetworks(),
      service.listOrganisations(),
    ]);
    const count = (label: string, n: number) => `${label} (${n})`;
    const vm: AdminPageViewModel = {
      title: t('admin.title'),
      intro: t('admin.intro'),
      sections: [
        {
          title: t('admin.home.places'),
          intro: t('admin.home.places.intro'),
          links: [
            { href: '/beheer/regios', label: count(t('admin.regions.title'), regions.length) },
            {
              href: '/beheer/gemeenten',
              label: count(t('admin.municipalities.title'), municipalities.length),
            },
            { href: '/beheer/gebieden', label: count(t('admin.areas.title'), areas.length) },
            { href: '/beheer/netwerken', label: count(t('admin.networks.title'), networks.length) },
            {
              href: '/beheer/organisaties',
              label: count(t('admin.organisations.title'), organisations.length),
            },
          ],
        },
        {
          title: t('admin.home.people'),
          links: [
            { href: '/beheer/mensen', label: t('admin.people.title') },
            { href: '/beheer/bestuurders', label: t('admin.leaders.title') },
          ],
        },
        {
          title: t('admin.home.platform'),
          links: [
            { href: '/beheer/instellingen', label: t('admin.settings.title') },
            { href: '/beheer/mail', label: t('admin.mail.title') },
            { href: '/beheer/logboek', label: t('audit.title') },
            { href: '/beheer/uitgaande-mail', label: t('outbox.title') },
          ],
        },
      ],
    };
    return reply.page((ctx) => <AdminPage ctx={ctx} vm={vm} />);
  });

  // The mail check

  function mailPage(
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState = {},
    status = 200,
  ) {
    const t = request.t;
    const smtp = context.mailer.delivery === 'smtp';
    const vm: AdminPageViewModel = {
      title: t('admin.mail.title'),
      back: backToAdmin(t),
      sections: [
        {
          title: t('admin.mail.how'),
          intro: smtp ? t('admin.mail.smtp') : t('admin.mail.outbox'),
          facts: [{ label: t('admin.mail.from'), value: context.config.mailFrom }],
          ...(smtp
            ? {}
            : { links: [{ href: '/beheer/uitgaande-mail', label: t('outbox.title') }] }),
        },
        {
          title: t('admin.mail.test'),
          form: formSpec(t, {
            action: '/beheer/mail',
            intro: t('admin.mail.testIntro'),
            fields: [
              {
                kind: 'email',
                name: 'to',
                label: t('admin.mail.to'),
                required: true,
                autocomplete: 'email',
              },
            ],
            submit: t('admin.mail.send'),
            ...state,
          }),
        },
      ],
    };
    return reply.page((ctx) => <AdminPage ctx={ctx} vm={vm} />, status);
  }

  app.get('/beheer/mail', checked, async (request, reply) => {
    await requireAdmin(request);
    return mailPage(request, reply);
  });

  app.post('/beheer/mail', checked, async (request, reply) => {
    const by = await requireAdmin(request);
    const form = parseForm(
      z.object({
        to: z
          .string()
          .trim()
          .max(200, 'form.tooLong|max=200')
          .email('form.email')
          .describe('admin.name.mailTo'),
      }),
      request.body,
      request.t,
    );
    if (!form.ok)
      return mailPage(request, reply, { errors: form.errors, values: form.values }, 400);
    const result = await service.sendTestMail(form.data.to, by, request.lang);
    if (!result.ok) {
      return mailPage(
        request,
        reply,
        {
          errors: { to: request.t('admin.mail.failed', { reason: result.error }) },
          values: { to: form.data.to },
        },
        400,
      );
    }
    return reply
      .flash(
        result.delivery === 'smtp' ? 'ok' : 'info',
        result.delivery === 'smtp' ? 'admin.mail.sent' : 'admin.mail.queued',
      )
      .redirect('/beheer/mail', 303);
  });

  // Platform settings

  async function settingsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    state: FormState = {},
    status = 200,
    logoErrors?: Record<string, string>,
    legalState?: FormState,
  ) {
    const t = request.t;
    const values = state.values ?? settingsValues(await service.settings());
    const hasLogo = await service.hasLogo();
    const vm: AdminPageViewModel = {
      title: t('admin.settings.title'),
      intro: t('admin.settings.intro'),
      back: backToAdmin(t),
      sections: [
        {
          title: t('admin.details'),
          form: formSpec(t, {
            action: '/beheer/instellingen',
            fields: settingsFields(t),
            submit: t('admin.save'),
            values,
            errors: state.errors,
          }),
        },
        {
          title: t('admin.legal.title'),
          intro: t('admin.legal.intro'),
          form: formSpec(t, {
            action: '/beheer/instellingen/verklaringen',
            fields: legalFields(t),
            submit: t('admin.legal.save'),
            values: legalState?.values ?? legalValues(await service.legalSettings()),
            errors: legalState?.errors,
          }),
        },
        {
          title: t('admin.logo.title'),
          intro: hasLogo ? t('admin.logo.current') : t('admin.logo.none'),
          ...(hasLogo ? { image: { src: '/logo.png', alt: t('admin.logo.alt') } } : {}),
          form: formSpec(t, {
            action: '/beheer/instellingen/logo',
            enctype: 'multipart/form-data',
            fields: [
              {
                kind: 'file',
                name: 'logo',
                label: t('admin.logo.file'),
                description: t('admin.logo.file.hint'),
                accept: 'image/png,image/jpeg,image/webp',
              },
            ],
            submit: t('admin.logo.submit'),
            errors: logoErrors,
          }),
          ...(hasLogo
            ? {
                buttons: [
                  {
                    action: '/beheer/instellingen/logo/verwijderen',
                    label: t('admin.logo.remove'),
                  },
                ],
              }
            : {}),
        },
      ],
    };
    return reply.page((ctx) => <AdminPage ctx={ctx} vm={vm} />, status);
  }

  app.get('/beheer/instellingen', checked, async (request, reply) => {
    await requireAdmin(request);
    return settingsPage(request, reply);
  });

  app.post('/beheer/instellingen', checked, async (request, reply) => {
    const by = await requireAdmin(request);
    const form = parseForm(
      z.object({
        organisationName: z
          .string()
          .trim()
          .max(100, 'form.tooLong|max=100')
          .optional()
          .transform((v) => v ?? '')
          .describe('admin.name.organisationName'),
        privacyContact: z
          .string()
          .trim()
          .max(500, 'form.tooLong|max=500')
          .optional()
          .transform((v) => v ?? '')
          .describe('admin.name.privacyContact'),
        personalSignalMonths: months.describe('admin.name.personalSignalMonths'),
        closedAccountMonths: months.describe('admin.name.closedAccountMonths'),
      }),
      request.body,
      request.t,
    );
    if (!form.ok) {
      return settingsPage(request, reply, { errors: form.errors, values: form.values }, 400);
    }
    await service.saveSettings(form.data, by);
    return reply.flash('ok', 'admin.saved').redirect('/beheer/instellingen', 303);
  });

  // The privacy and accessibility statements' own settings.

  const note = z.string().trim().max(4000, 'form.tooLong|max=4000').default('');
  const legalSchema = z.object({
    organisationAddress: z
      .string()
      .trim()
      .max(300, 'form.tooLong|max=300')
      .default('')
      .describe('admin.name.organisationAddress'),
    accessibilityStatus: z.enum(accessibilityStatuses).describe('admin.name.accessibilityStatus'),
    accessibilityReviewedOn: z
      .string()
      .trim()
      .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'admin.legal.reviewedOn.error')
      .refine(
        (v) => v === '' || !Number.isNaN(Date.parse(`${v}T12:00:00Z`)),
        'admin.legal.reviewedOn.error',
      )
      .default('')
      .describe('admin.name.accessibilityReviewedOn'),
    accessibilityIssues: note.describe('admin.name.accessibilityIssues'),
    privacyNoteNl: note.describe('admin.name.privacyNoteNl'),
    privacyNoteEn: note.describe('admin.name.privacyNoteEn'),
    accessibilityNoteNl: note.describe('admin.name.accessibilityNoteNl'),
    accessibilityNoteEn: note.describe('admin.name.accessibilityNoteEn'),
  });

  app.post('/beheer/instellingen/verklaringen', checked, async (request, reply) => {
    const by = await requireAdmin(request);
    const form = parseForm(legalSchema, request.body, request.t);
    if (!form.ok) {
      const state = { errors: form.errors, values: form.values };
      return settingsPage(request, reply, {}, 400, undefined, state);
    }
    await service.saveLegalSettings(form.data, by);
    return reply.flash('ok', 'admin.legal.saved').redirect('/beheer/instellingen', 303);
  });

  // The logo on letters: uploaded, checked and re-encoded; served to everyone (letters).

  app.post('/beheer/instellingen/logo', checked, async (request, reply) => {
    const by = await requireAdmin(request);
    const upload = (request.body as { logo?: UploadedFile } | undefined)?.logo;
    const file =
      upload && typeof upload === 'object' && Buffer.isBuffer(upload.data) ? upload : undefined;
    const result =
      !file || file.filename === ''
        ? 'empty'
        : file.truncated
          ? 'tooLarge'
          : await service.saveLogo(file.data, by);
    if (result !== 'ok') {
      const message = request.t(`admin.logo.${result}`);
      return settingsPage(request, reply, {}, 400, {
        logo: `${request.t('admin.logo.file')}: ${message}`,
      });
    }
    return reply.flash('ok', 'admin.logo.saved').redirect('/beheer/instellingen', 303);
  });

  app.post('/beheer/instellingen/logo/verwijderen', checked, async (request, reply) => {
    const by = await requireAdmin(request);
    await service.saveLogo(null, by);
    return reply.flash('ok', 'admin.logo.removed').redirect('/beheer/instellingen', 303);
  });

  app.get('/logo.png', { config: { policy: 'public' } }, async (_request, reply) => {
    const logo = await service.logo();
    if (!logo) return reply.callNotFound();
    return reply
      .header('content-type', 'image/png')
      .header('cache-control', 'public, max-age=300')
      .header('x-content-type-options', 'nosniff')
      .send(logo);
  });

  // A network's own settings, for its coordinators (and administrators)

  const networkSettingsSchema = z.object({
    description: networkTextFields.description,
    contactEmail: networkTextFields.contactEmail,
    contactPhone: networkTextFields.contactPhone,
    contactAddress: networkTextFields.contactAddress,
    isPublic: tick.describe('admin.name.isPublic'),
  });

  async function networkOf(request: FastifyRequest) {
    return networkFromUrl(request, 'network.settings', service.findNetwork, (networkId) =>
      can(request.actor, 'network.settings', { networkId }),
    );
  }

  function networkSettingsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    network: { id: number; name: string },
    state: FormState,
    status = 200,
  ) {
    const t = request.t;
    const vm: AdminPageViewModel = {
      title: t('admin.networkSettings.title', { network: network.name }),
      intro: t('admin.networkSettings.intro'),
      back: { href: `/netwerk/${network.id}`, label: network.name },
      sections: [
        {
          title: t('admin.details'),
          form: formSpec(t, {
            action: `/netwerk/${network.id}/instellingen`,
            fields: networkFields(t, { withName: false }),
            submit: t('admin.save'),
            ...state,
          }),
        },
      ],
    };
    return reply.page((ctx) => <AdminPage ctx={ctx} vm={vm} />, status);
  }

  app.get('/netwerk/:networkId/instellingen', checked, async (request, reply) => {
    const network = await networkOf(request);
    return networkSettingsPage(request, reply, network, { values: networkValues(network) });
  });

  app.post('/netwerk/:networkId/instellingen', checked, async (request, reply) => {
    const network = await networkOf(request);
    const form = parseForm(networkSettingsSchema, request.body, request.t);
    if (!form.ok) {
      return networkSettingsPage(
        request,
        reply,
        network,
        { errors: form.errors, values: form.values },
        400,
      );
    }
    await service.saveNetworkSettings(network.id, form.data, {
      actorId: request.actor!.personId,
      origin: request.ip,
    });
    return reply.flash('ok', 'admin.saved').redirect(`/netwerk/${network.id}/instellingen`, 303);
  });
}
