// Use cases of the library: write stories, cases and lessons; ask to share them wider (the
// coordinator decides on the moderation page, through ./publication.ts); respond to cases
// and mark what helped; keep a private journal.
// Transactions live here; each change to an item refreshes the search index.
import type { Database, Executor } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { PhotoChange } from '../../platform/photos.js';
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';
import { searchModule } from '../search/index.js';
import { applyRequestedVisibility, visibilityAfterEdit } from './policy.js';
import { type ItemRow, libraryRepository, type ResponseRow } from './repository.js';
import { librarySearch } from './search.js';
import type { ItemKind, ItemVisibility, LessonSource } from './tables.js';

/** The reflection questions (keys of `library.reflect.q.*`), inspired by the seeds. */
export const reflectionQuestions = [
  'patterns',
  'notKnowing',
  'unheard',
  'control',
  'sending',
  'surprise',
  'experiment',
  'free',
] as const;
export type ReflectionQuestion = (typeof reflectionQuestions)[number];

export interface ItemInput {
  kind: ItemKind;
  title: string;
  body: string;
  extra: string;
  themes: string[];
  /** What the author asks for; beyond the network it waits for the coordinator. */
  visibility: ItemVisibility;
  /** A lesson drawn from a case of the same network. */
  fromCaseId?: number | undefined;
}

/** Themes typed as "eenzaamheid, Jongeren" → ['eenzaamheid', 'jongeren'] (max 8, 40 chars). */
export function parseThemes(text: string): string[] {
  const themes = text
    .split(/[,;\n]/)
    .map((x) => x.trim().toLowerCase().replace(/\s+/g, ' '))
    .filter((x) => x !== '' && x.length <= 40);
  return [...new Set(themes)].slice(0, 8);
}

/** Brings an item's search document up to date, in the caller's transaction. */
export async function refreshItem(db: Executor, kind: ItemKind, id: number) {
  await searchModule.api.refresh(db, librarySearch, kind, [id]);
}

async function placeOf(db: Executor, networkId: number) {
  const network = await networkModule.api.networks(db).findNetworkById(networkId);
  if (!network) throw new Error(`network ${networkId} not found`);
  return { municipalityId: network.municipalityId, regionId: network.regionId };
}

/**
 * Writes lessons of a network in one go (an experiment's evaluation): visible to the
 * network; the author can ask to share them wider afterwards. Returns their ids.
 */
export async function createLessons(
  db: Executor,
  input: {
    networkId: number;
    authorId: number | null;
    source: { type: LessonSource; id: number; title: string } | null;
    lessons: { title: string; body: string; differently: string; themes?: string[] }[];
    visibility?: ItemVisibility;
  },
): Promise<number[]> {
  const repo = libraryRepository(db);
  const place = await placeOf(db, input.networkId);
  const ids: number[] = [];
  for (const lesson of input.lessons) {
    const id = await repo.insertItem({
      kind: 'lesson',
      networkId: input.networkId,
      ...place,
      title: lesson.title,
      body: lesson.body,
      extra: lesson.differently,
      sourceType: input.source?.type ?? null,
      sourceId: input.source?.id ?? null,
      sourceTitle: input.source?.title ?? '',
      authorId: input.authorId,
      visibility: input.visibility ?? 'network',
      themes: lesson.themes ?? [],
    });
    await refreshItem(db, 'lesson', id);
    ids.push(id);
  }
  return ids;
}

export function libraryService(db: Database) {
  const repo = libraryRepository(db);
  const directory = peopleModule.api.directory(db);

  return {
    findScope: (actor: Actor | undefined) => searchModule.api.findScope(db, actor),
    findItem: (id: number) => repo.findItem(id),
    /** An item's photo (bytes and type); the caller has checked the item may be seen. */
    findItemPhoto: (itemId: number) => repo.findItemPhoto(itemId),
    /** The photos of these items (sizes and alt texts), by item id. */
    listItemPhotoMeta: (itemIds: readonly number[]) => repo.listItemPhotoMeta(itemIds),
    listVisibleItems: repo.listVisibleItems,
    listThemes: repo.listThemes,
    listLessonsFrom: repo.listLessonsFrom,
    findNames: (ids: number[]) => directory.findNames(ids),

    /** Writes an item with its photo (stories only; nothing else takes one), all or nothing. */
    async createItem(
      actor: Actor,
      networkId: number,
      input: ItemInput,
      photo?: PhotoChange,
    ): Promise<number> {
      return db.transaction(async (tx) => {
        const r = libraryRepository(tx);
        let source: { type: LessonSource; id: number; title: string } | null = null;
        if (input.kind === 'lesson' && input.fromCaseId !== undefined) {
          const found = await r.findItem(input.fromCaseId);
          if (found && found.kind === 'case' && found.networkId === networkId) {
            source = { type: 'case', id: found.id, title: found.title };
          }
        }
        const id = await r.insertItem({
          kind: input.kind,
          networkId,
          ...(await placeOf(tx, networkId)),
          title: input.title,
          body: input.body,
          extra: input.extra,
          sourceType: source?.type ?? null,
          sourceId: source?.id ?? null,
          sourceTitle: source?.title ?? '',
          authorId: actor.personId,
          themes: input.themes,
          ...applyRequestedVisibility(actor, networkId, input.visibility),
        });
        if (photo && input.kind === 'story') await r.applyItemPhoto(id, photo);
        await refreshItem(tx, input.kind, id);
        return id;
      });
    },

    /**
     * The author or the coordinator changes an item's title, text, extra text and themes (its
     * kind and visibility stay; sharing has its own form). A changed text of an item shared
     * beyond the network goes back to the coordinator (policy visibilityAfterEdit). The
     * search index follows in the same transaction. A story's photo is kept, replaced or
     * removed with it (no `photo`: it stays); a new photo or description counts as changed text. Gives whether it
     * went back.
     */
    async editItem(
      actor: Actor,
      item: ItemRow,
      input: { title: string; body: string; extra: string; themes: string[] },
      photo?: PhotoChange,
    ): Promise<{ backToCoordinator: boolean }> {
      const story = item.kind === 'story';
      const before = story ? (await repo.listItemPhotoMeta([item.id])).get(item.id) : undefined;
      const photoChanged =
        story &&
        photo !== undefined &&
        (photo.action === 'set' ||
          (photo.action === 'keep' &&
            before !== undefined &&
            photo.description !== before.description));
      const textChanged =
        input.title !== item.title ||
        input.body !== item.body ||
        input.extra !== item.extra ||
        photoChanged;
      const back = visibilityAfterEdit(actor, item, textChanged);
      await db.transaction(async (tx) => {
        const r = libraryRepository(tx);
        await r.updateItemTexts(item.id, { ...input, ...back });
        if (photo && story) await r.applyItemPhoto(item.id, photo);
        await refreshItem(tx, item.kind, item.id);
      });
      return { backToCoordinator: back !== undefined };
    },

    /** The author or coordinator asks for a visibility (applied at once for the coordinator). */
    async requestVisibility(actor: Actor, item: ItemRow, wanted: ItemVisibility): Promise<void> {
      const next = applyRequestedVisibility(actor, item.networkId, wanted);
      await db.transaction(async (tx) => {
        // A non-coordinator asking keeps the current visibility until approved.
        const values =
          next.requestedVisibility === null
            ? next
            : { requestedVisibility: next.requestedVisibility };
        await libraryRepository(tx).updateVisibility(item.id, values);
        await refreshItem(tx, item.kind, item.id);
      });
    },

    /** Responses to a case with their authors' names and networks. */
    async listResponses(item: ItemRow) {
      const rows = await repo.listResponses(item.id);
      const names = await directory.findNames(
        rows.flatMap((r) => (r.authorId === null ? [] : [r.authorId])),
      );
      const networks = networkModule.api.networks(db);
      const networkNames = new Map<number, string>();
      for (const id of new Set(
        rows.flatMap((r) => (r.authorNetworkId ? [r.authorNetworkId] : [])),
      )) {
        const n = await networks.findNetworkById(id);
        if (n) networkNames.set(id, n.name);
      }
      return rows.map((r: ResponseRow) => ({
        ...r,
        authorName: r.authorId === null ? null : (names.get(r.authorId)?.name ?? null),
        networkName: r.authorNetworkId ? (networkNames.get(r.authorNetworkId) ?? '') : '',
      }));
    },

    /** A response from the responder's first network (a member of several picks the first). */
    async respond(actor: Actor, item: ItemRow, text: string): Promise<number> {
      return repo.insertResponse({
        itemId: item.id,
        authorId: actor.personId,
        authorNetworkId: actor.memberships[0]?.networkId ?? null,
        text,
      });
    },

    markHelped: (item: ItemRow, responseId: number, helped: boolean) =>
      repo.updateHelped(item.id, responseId, helped),

    listReflections: (personId: number) => repo.listReflections(personId),
    addReflection: (personId: number, question: ReflectionQuestion, text: string) =>
      repo.insertReflection(personId, question, text),
    deleteReflection: (personId: number, id: number) => repo.deleteReflection(personId, id),
  };
}

export type LibraryService = ReturnType<typeof libraryService>;
