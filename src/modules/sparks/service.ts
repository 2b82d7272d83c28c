// Use cases of sparks (vonkjes). Transactions live here.
import type { Database, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { UploadedPhoto } from '../../platform/photos.js';
import { peopleModule } from '../people/index.js';
import { preparePhoto } from './photos.js';
import { type SparkRow, sparksRepository } from './repository.js';
import { refreshSparkIndex } from './search.js';

/** The longest spark, in characters. */
export const SPARK_MAX = 280;

/** A spark with the name to show: the author's, a visitor's, or none (erased: "oud-lid"). */
export interface NamedSpark extends SparkRow {
  authorName: string | null;
  authorErased: boolean;
}

/** Adds the authors' names (from the people module) to spark rows. */
export async function withAuthorNames(db: Executor, rows: SparkRow[]): Promise<NamedSpark[]> {
  const ids = rows.map((r) => r.authorId).filter((id): id is number => id !== null);
  const names = await peopleModule.api.directory(db).findNames(ids);
  return rows.map((r) => {
    const person = r.authorId === null ? undefined : names.get(r.authorId);
    return { ...r, authorName: person?.name ?? null, authorErased: person?.erased ?? false };
  });
}

/** Why a photo was refused; each has its own message on the form. */
export type PhotoProblem = 'photoTooLarge' | 'photoType' | 'photoPixels' | 'photoEmpty';

export type AddSparkResult = { ok: true; id: number } | { ok: false; reason: PhotoProblem };

const photoProblem = {
  tooLarge: 'photoTooLarge',
  type: 'photoType',
  tooManyPixels: 'photoPixels',
  empty: 'photoEmpty',
} as const;

export function sparksService(db: Database) {
  const repo = sparksRepository(db);

  return {
    async addSpark(input: {
      networkId: number;
      authorId: number;
      text: string;
      isPublic: boolean;
      /** What the photo shows, for those who cannot see it (its alt text); may be empty. */
      photoDescription?: string;
      /** The uploaded file; `chosen`: a file was picked (a browser sends an empty part when not). */
      photo?: UploadedPhoto | undefined;
    }): Promise<AddSparkResult> {
      const prepared = await preparePhoto(input.photo);
      if (!prepared.ok) return { ok: false, reason: photoProblem[prepared.reason] };
      const photo = prepared.photo;
      const id = await db.transaction(async (tx) => {
        const r = sparksRepository(tx);
        const photoId = photo
          ? await r.insertPhoto({
              networkId: input.networkId,
              contentType: photo.contentType,
              width: photo.width,
              height: photo.height,
              data: photo.data,
              description: input.photoDescription || null,
            })
          : null;
        // Meant for the public page: at once, or after the coordinator's look (the
        // network's setting; waiting is the default).
        const atOnce = input.isPublic && (await r.findMembersPublicAtOnce(input.networkId));
        const sparkId = await r.insertSpark({
          networkId: input.networkId,
          authorId: input.authorId,
          text: input.text,
          isPublic: atOnce,
          publicRequested: input.isPublic && !atOnce,
          status: 'published',
          photoId,
        });
        await refreshSparkIndex(tx, [sparkId]);
        return sparkId;
      });
      return { ok: true, id };
    },

    /** One page of the wall (`limit` sparks from `offset`, newest first), with authors. */
    listWall: async (networkId: number, limit: number, offset: number) =>
      withAuthorNames(db, await repo.listWall(networkId, limit, offset)),
    countWall: (networkId: number) => repo.countWall(networkId),
    listPublicSparks: (networkId: number, limit = 6) => repo.listPublic(networkId, limit),
    /** How many sparks wait for the coordinator (listed on the moderation module's page). */
    countWaiting: (networkId: number) => repo.countWaiting(networkId),
    /** Published sparks of a network in (after, upTo], oldest first, with their authors. */
    listBetween: async (networkId: number, after: Date | null, upTo: Date) =>
      withAuthorNames(db, await repo.listBetween(networkId, after, upTo)),
    findPhoto: (photoId: number) => repo.findPhoto(photoId),

    /** A spark sent from the public page: waits in the moderation queue. */
    async submitFromPublic(networkId: number, text: string, name: string): Promise<number> {
      return repo.insertSpark({
        networkId,
        authorId: null,
        visitorName: name === '' ? null : name,
        text,
        isPublic: true,
        status: 'pending',
      });
    },

    /** Whether members' public sparks show at once (false: they wait for the coordinator). */
    findMembersPublicAtOnce: (networkId: number) => repo.findMembersPublicAtOnce(networkId),

    /** Changes that setting; audited. */
    async saveMembersPublicAtOnce(input: {
      networkId: number;
      atOnce: boolean;
      actorId: number;
      origin: string;
    }): Promise<void> {
      await db.transaction(async (tx) => {
        await sparksRepository(tx).saveMembersPublicAtOnce(input.networkId, input.atOnce);
        await recordAudit(tx, {
          actorId: input.actorId,
          action: 'sparks.settings',
          result: 'ok',
          objectType: 'network',
          objectId: input.networkId,
          networkId: input.networkId,
          origin: input.origin,
          detail: input.atOnce ? 'members public at once' : 'members public after moderation',
        });
      });
    },
  };
}

export type SparksService = ReturnType<typeof sparksService>;
