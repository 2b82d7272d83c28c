// The library and reflections: parse → authorize → service → render or redirect. Items are
// shown to whoever their visibility reaches; reflections only to their own person.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParam } from '../../platform/access.js';
import { isMemberOf } from '../../platform/actor.js';
import { type FormErrors, formValues, parseForm } from '../../platform/forms.js';
import type { ModuleContext } from '../../platform/module.js';
import { type PhotoChange, readPhotoChange, sendPhoto } from '../../platform/photos.js';
import { moderationModule } from '../moderation/index.js';
import { networkModule } from '../network/index.js';
import { sparksModule } from '../sparks/index.js';
import { can } from './policy.js';
import {
  itemPhoto,
  kindOptions,
  presentItem,
  presentReflections,
  presentSummary,
  visibilityOptions,
} from './presenters.js';
import { LIBRARY_KIND } from './publication.js';
import type { ItemRow } from './repository.js';
import { libraryService, parseThemes, reflectionQuestions } from './service.js';
import { itemKinds, itemVisibilities } from './tables.js';
import { ItemFormPage } from './views/form.js';
import { ItemPage } from './views/item.js';
import { LibraryPage, type LibraryViewModel } from './views/list.js';
import { ReflectionsPage } from './views/reflections.js';

const checked = { config: { policy: 'check' as const } };
/** The photo's pixel limit in megapixels (read when used: the sparks manifest loads later). */
const megapixels = () => sparksModule.api.MAX_PHOTO_PIXELS / 1_000_000;
const open = { config: { policy: 'public' as const } };
const signedIn = { config: { policy: 'signedIn' as const } };

const itemSchema = z.object({
  kind: z.enum(itemKinds, { message: 'library.error.kind' }).describe('library.name.kind'),
  title: z.string().trim().min(1).max(200).describe('library.name.title'),
  body: z.string().trim().min(1).max(10_000).describe('library.name.body'),
  extra: z.string().trim().max(4000).default('').describe('library.name.extra'),
  themes: z.string().max(300).default('').describe('library.name.themes'),
  visibility: z.enum(itemVisibilities).describe('library.name.visibility'),
  casus: z
    .union([z.literal(''), idParam])
    .optional()
    .describe('library.name.case'),
});

/** A change: the texts and themes (kind and visibility have their own ways). */
const editSchema = itemSchema.pick({ title: true, body: true, extra: true, themes: true });

const responseSchema = z.object({
  text: z.string().trim().min(1).max(4000).describe('library.name.response'),
});
const reflectionSchema = z.object({
  question: z.enum(reflectionQuestions).describe('library.name.question'),
  text: z.string().trim().min(1).max(10_000).describe('library.name.answer'),
});

export async function libraryRoutes(app: FastifyInstance, context: ModuleContext): Promise<void> {
  const service = libraryService(context.db);
  const networks = networkModule.api.fromRequest(context.db);
  const places = networkModule.api.places(context.db);

  /** Network names by id, in one query. */
  async function networkNames(ids: number[]): Promise<Map<number, string>> {
    const summaries = await places.listNetworkSummaries([...new Set(ids)]);
    return new Map(summaries.map((n) => [n.id, n.name]));
  }

  /** The item in the URL if the actor may see it; otherwise 404 (audited). */
  async function visibleItem(request: FastifyRequest) {
    const scope = await service.findScope(request.actor);
    const raw = (request.params as { itemId?: string }).itemId;
    const parsed = idParam.safeParse(raw);
    const item = parsed.success ? await service.findItem(parsed.data) : undefined;
    if (!item || !can(request.actor, 'library.view', { networkId: item.networkId, scope, item })) {
      return request.deny({
        action: 'library.view',
        objectType: 'library_item',
        objectId: String(raw ?? '').slice(0, 40),
        status: 404,
      });
    }
    return { item, scope };
  }

  async function renderItem(
    request: FastifyRequest,
    item: ItemRow,
    scope: Awaited<ReturnType<typeof service.findScope>>,
  ) {
    const actor = request.actor;
    const responses = item.kind === 'case' ? await service.listResponses(item) : [];
    const names = await service.findNames(item.authorId === null ? [] : [item.authorId]);
    const network = (await networkNames([item.networkId])).get(item.networkId) ?? '';
    const photo = (await service.listItemPhotoMeta([item.id])).get(item.id);
    const resource = { networkId: item.networkId, scope, item };
    const vm = presentItem(request.t, {
      item,
      network,
      authorName: item.authorId === null ? null : (names.get(item.authorId)?.name ?? null),
      responses,
      canRespond: can(actor, 'library.respond', resource),
      canMarkHelped: item.kind === 'case' && can(actor, 'library.markHelped', resource),
      canShare: can(actor, 'library.share', resource),
      canEdit: can(actor, 'library.edit', resource),
      lessonFromCaseHref:
        item.kind === 'case' && isMemberOf(actor, item.networkId)
          ? `/netwerk/${item.networkId}/bibliotheek/nieuw?soort=lesson&casus=${item.id}`
          : null,
      photo,
    });
    return vm;
  }

  // ── The library ───────────────────────────────────────────────────────────────────────

  app.get('/bibliotheek', open, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const kind = itemKinds.find((k) => k === query.soort);
    const theme = typeof query.thema === 'string' ? query.thema.slice(0, 60) : '';
    const scope = await service.findScope(request.actor);
    const rows = await service.listVisibleItems(scope, {
      kind,
      theme: theme || undefined,
      limit: 100,
    });
    const names = await networkNames(rows.map((r) => r.networkId));
    const photos = await service.listItemPhotoMeta(
      rows.filter((r) => r.kind === 'story').map((r) => r.id),
    );
    const memberships = request.actor?.memberships ?? [];
    const vm: LibraryViewModel = {
      kinds: kindOptions(request.t),
      themes: (await service.listThemes(scope)).map((x) => ({ value: x, label: x })),
      filter: { kind: kind ?? '', theme },
      items: rows.map((r) =>
        presentSummary(request.t, r, names.get(r.networkId) ?? '', photos.get(r.id)),
      ),
      writeLinks: memberships.flatMap((m) => [
        {
          href: `/netwerk/${m.networkId}/bibliotheek/nieuw`,
          label: request.t('library.new', { network: m.networkName }),
        },
        // Until the network page links to its experiments (its module's to add).
        {
          href: `/netwerk/${m.networkId}/experimenten`,
          label: request.t('library.experiments', { network: m.networkName }),
        },
      ]),
      approvalLinks: memberships
        .filter((m) => m.role === 'coordinator')
        .map((m) => ({
          href: moderationModule.api.queuePath(m.networkId, LIBRARY_KIND),
          label: `${request.t('library.approvals')} (${m.networkName})`,
        })),
      signedIn: request.actor !== undefined,
    };
    return reply.page((ctx) => <LibraryPage ctx={ctx} vm={vm} />);
  });

  app.get('/bibliotheek/:itemId', open, async (request, reply) => {
    const { item, scope } = await visibleItem(request);
    const vm = await renderItem(request, item, scope);
    return reply.page((ctx) => <ItemPage ctx={ctx} vm={vm} state={{}} />);
  });

  // A story's photo: to whoever the story reaches now (the same check as its page, on every
  // request), so a story narrowed to its network stops showing its photo to others at once.
  app.get('/bibliotheek/:itemId/foto', open, async (request, reply) => {
    const { item } = await visibleItem(request);
    const photo = item.kind === 'story' ? await service.findItemPhoto(item.id) : undefined;
    if (!photo) {
      return request.deny({
        action: 'library.photo',
        objectType: 'library_item',
        objectId: item.id,
        status: 404,
      });
    }
    return sendPhoto(reply, photo, item.visibility === 'public');
  });

  /**
   * The photo part of a posted item form (a story's photo: see readPhotoChange); an item that
   * is no story takes no photo.
   */
  async function readItemPhoto(
    request: FastifyRequest,
    story: boolean,
    hasCurrent: boolean,
  ): Promise<{ ok: true; change: PhotoChange } | { ok: false; errors: FormErrors }> {
    const read = await readPhotoChange(request.body, {
      hasCurrent,
      t: request.t,
      megapixels: megapixels(),
      prepare: sparksModule.api.preparePhoto,
    });
    if (story) return read;
    if (read.ok && read.change.action !== 'set') return read;
    return { ok: false, errors: { photo: request.t('library.error.photoOnlyStory') } };
  }

  app.post('/bibliotheek/:itemId/reacties', checked, async (request, reply) => {
    const { item, scope } = await visibleItem(request);
    await request.authorize(
      can(request.actor, 'library.respond', { networkId: item.networkId, scope, item }),
      { action: 'library.respond', objectType: 'library_item', objectId: item.id, status: 403 },
    );
    const form = parseForm(responseSchema, request.body, request.t);
    if (!form.ok) {
      const vm = await renderItem(request, item, scope);
      return reply.page((ctx) => <ItemPage ctx={ctx} vm={vm} state={form} />, 400);
    }
    const id = await service.respond(request.actor!, item, form.data.text);
    return reply
      .flash('ok', 'library.responded')
      .redirect(`/bibliotheek/${item.id}#reactie-${id}`, 303);
  });

  app.post('/bibliotheek/:itemId/reacties/:responseId/hielp', checked, async (request, reply) => {
    const { item, scope } = await visibleItem(request);
    await request.authorize(
      item.kind === 'case' &&
        can(request.actor, 'library.markHelped', { networkId: item.networkId, scope, item }),
      { action: 'library.markHelped', objectType: 'library_item', objectId: item.id },
    );
    const responseId = idParam.safeParse((request.params as { responseId: string }).responseId);
    const helped = (request.body as { helped?: string } | undefined)?.helped !== 'no';
    const found = responseId.success && (await service.markHelped(item, responseId.data, helped));
    if (!found) {
      return request.deny({
        action: 'library.markHelped',
        objectType: 'library_response',
        networkId: item.networkId,
        status: 404,
      });
    }
    return reply.redirect(`/bibliotheek/${item.id}#reactie-${responseId.data}`, 303);
  });

  app.post('/bibliotheek/:itemId/delen', checked, async (request, reply) => {
    const { item, scope } = await visibleItem(request);
    await request.authorize(
      can(request.actor, 'library.share', { networkId: item.networkId, scope, item }),
      { action: 'library.share', objectType: 'library_item', objectId: item.id, status: 403 },
    );
    const wanted = itemVisibilities.find(
      (v) => v === (request.body as { visibility?: string } | undefined)?.visibility,
    );
    if (!wanted) {
      const vm = await renderItem(request, item, scope);
      return reply.page(
        (ctx) => (
          <ItemPage
            ctx={ctx}
            vm={vm}
            state={{ errors: { visibility: request.t('form.choose') } }}
          />
        ),
        400,
      );
    }
    await service.requestVisibility(request.actor!, item, wanted);
    const applied = (await service.findItem(item.id))?.visibility === wanted;
    return reply
      .flash('ok', applied ? 'library.shared' : 'library.shareAsked')
      .redirect(`/bibliotheek/${item.id}`, 303);
  });

  // ── Writing ───────────────────────────────────────────────────────────────────────────────

  /** The item in the URL when the actor may see and edit it (404 or 403, audited). */
  async function editableItem(request: FastifyRequest) {
    const { item, scope } = await visibleItem(request);
    await request.authorize(
      can(request.actor, 'library.edit', { networkId: item.networkId, scope, item }),
      { action: 'library.edit', objectType: 'library_item', objectId: item.id, status: 403 },
    );
    const network = {
      id: item.networkId,
      name: (await networkNames([item.networkId])).get(item.networkId) ?? '',
    };
    const story = item.kind === 'story';
    const photo = story ? (await service.listItemPhotoMeta([item.id])).get(item.id) : undefined;
    const vm = {
      ...formVm(request, network, null),
      editing: {
        itemId: item.id,
        shared: item.visibility !== 'network',
        story,
        photo: itemPhoto(item.id, photo) ?? undefined,
      },
    };
    return { item, vm, photoDescription: photo?.description ?? '' };
  }

  app.get('/bibliotheek/:itemId/bewerken', checked, async (request, reply) => {
    const { item, vm, photoDescription } = await editableItem(request);
    const values = {
      title: item.title,
      body: item.body,
      extra: item.extra,
      themes: item.themes.join(', '),
      photoDescription,
    };
    return reply.page((ctx) => <ItemFormPage ctx={ctx} vm={vm} state={{ values }} />);
  });

  app.post('/bibliotheek/:itemId/bewerken', checked, async (request, reply) => {
    const { item, vm } = await editableItem(request);
    const form = parseForm(editSchema, request.body, request.t);
    const photo = await readItemPhoto(request, vm.editing.story, vm.editing.photo !== undefined);
    if (!form.ok || !photo.ok) {
      const state = {
        errors: { ...(form.ok ? {} : form.errors), ...(photo.ok ? {} : photo.errors) },
        values: formValues(request.body),
      };
      return reply.page((ctx) => <ItemFormPage ctx={ctx} vm={vm} state={state} />, 400);
    }
    const { backToCoordinator } = await service.editItem(
      request.actor!,
      item,
      {
        title: form.data.title,
        body: form.data.body,
        extra: form.data.extra,
        themes: parseThemes(form.data.themes),
      },
      photo.change,
    );
    return reply
      .flash('ok', backToCoordinator ? 'library.editedPending' : 'library.edited')
      .redirect(`/bibliotheek/${item.id}`, 303);
  });

  function formVm(
    request: FastifyRequest,
    network: { id: number; name: string },
    fromCaseId: number | null,
  ) {
    return {
      network,
      kinds: kindOptions(request.t),
      visibilities: visibilityOptions(request.t),
      fromCaseId,
      megapixels: megapixels(),
    };
  }

  app.get('/netwerk/:networkId/bibliotheek/nieuw', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'library.create', can);
    const query = (request.query ?? {}) as Record<string, string | undefined>;
    const kind = itemKinds.find((k) => k === query.soort) ?? 'story';
    const casus = idParam.safeParse(query.casus);
    const vm = formVm(request, network, casus.success ? casus.data : null);
    return reply.page((ctx) => (
      <ItemFormPage ctx={ctx} vm={vm} state={{ values: { kind, visibility: 'network' } }} />
    ));
  });

  app.post('/netwerk/:networkId/bibliotheek/nieuw', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'library.create', can);
    const form = parseForm(itemSchema, request.body, request.t);
    const story = (request.body as { kind?: unknown } | undefined)?.kind === 'story';
    const photo = await readItemPhoto(request, story, false);
    if (!form.ok || !photo.ok) {
      const values = formValues(request.body);
      const casus = idParam.safeParse(values.casus);
      const vm = formVm(request, network, casus.success ? casus.data : null);
      const state = {
        errors: { ...(form.ok ? {} : form.errors), ...(photo.ok ? {} : photo.errors) },
        values,
      };
      return reply.page((ctx) => <ItemFormPage ctx={ctx} vm={vm} state={state} />, 400);
    }
    const id = await service.createItem(
      request.actor!,
      network.id,
      {
        kind: form.data.kind,
        title: form.data.title,
        body: form.data.body,
        extra: form.data.extra,
        themes: parseThemes(form.data.themes),
        visibility: form.data.visibility,
        fromCaseId: form.data.casus === '' ? undefined : form.data.casus,
      },
      photo.change,
    );
    const pending = (await service.findItem(id))?.requestedVisibility !== null;
    return reply
      .flash('ok', pending ? 'library.savedPending' : 'library.saved')
      .redirect(`/bibliotheek/${id}`, 303);
  });

  // Sharing requests wait on the moderation module's page (decided there through
  // ./publication.ts); the old queue's address sends the coordinator there.
  app.get('/netwerk/:networkId/bibliotheek/goedkeuren', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'library.approve', can);
    return reply.redirect(moderationModule.api.queuePath(network.id, LIBRARY_KIND), 301);
  });

  // ── Reflections: the person's own, never anyone else's ────────────────────────────────

  app.get('/reflecties', signedIn, async (request, reply) => {
    const rows = await service.listReflections(request.actor!.personId);
    const vm = presentReflections(request.t, request.lang, rows);
    reply.header('cache-control', 'no-store');
    return reply.page((ctx) => <ReflectionsPage ctx={ctx} vm={vm} state={{}} />);
  });

  app.post('/reflecties', signedIn, async (request, reply) => {
    const personId = request.actor!.personId;
    const form = parseForm(reflectionSchema, request.body, request.t);
    if (!form.ok) {
      const vm = presentReflections(
        request.t,
        request.lang,
        await service.listReflections(personId),
      );
      return reply.page((ctx) => <ReflectionsPage ctx={ctx} vm={vm} state={form} />, 400);
    }
    await service.addReflection(personId, form.data.question, form.data.text);
    return reply.flash('ok', 'library.reflect.saved').redirect('/reflecties', 303);
  });

  app.post('/reflecties/:reflectionId/verwijderen', signedIn, async (request, reply) => {
    const parsed = idParam.safeParse((request.params as { reflectionId: string }).reflectionId);
    // Only the person's own entry can go: the delete is scoped by their id.
    if (parsed.success) await service.deleteReflection(request.actor!.personId, parsed.data);
    return reply.flash('ok', 'library.reflect.deleted').redirect('/reflecties', 303);
  });
}
