// Sparks (vonkjes): the good things people saw happen, on a wall per network, with photos,
// a public form with moderation, and the sparks that a meeting's sparks round shows.
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { ModuleManifest } from '../../platform/module.js';
import { sparksMessages } from './messages.js';
import { sparkModeration, sparkPublication } from './moderation.js';
import { sparksOverview } from './overview.js';
import { sparksPersonData } from './person-data.js';
import { MAX_PHOTO_PIXELS, preparePhoto, processPhoto } from './photos.js';
import { can } from './policy.js';
import { presentSpark } from './presenters.js';
import { sparksPublicSection } from './public.js';
import { sparksRepository } from './repository.js';
import { addSparkFromForm, sparksRoutes } from './routes.js';
import { sparksSearch } from './search.js';
import { seedSparksDemo } from './seed.js';
import { type NamedSpark, SPARK_MAX, sparksService, withAuthorNames } from './service.js';
import * as tables from './tables.js';
import { SparkForm } from './views/sparks.js';

/** A spark as the sparks round shows it: text, author's name, time, photo. */
export type RoundSpark = NamedSpark;
export type { SparkCardModel } from './views/sparks.js';

/** The functions other modules may call. */
const api = {
  SPARK_MAX,
  /** Published sparks of a network in (after, upTo], oldest first, with their authors. */
  async listPublishedBetween(
    db: Executor,
    networkId: number,
    after: Date | null,
    upTo: Date,
  ): Promise<RoundSpark[]> {
    return withAuthorNames(db, await sparksRepository(db).listBetween(networkId, after, upTo));
  },
  presentSpark,
  /** The add-a-spark form (view) and its handling, for the sparks round of a meeting. */
  SparkForm,
  addSparkFromForm,
  /** Whether the actor may add a spark in the network. */
  canAdd: (actor: Actor | undefined, networkId: number) =>
    can(actor, 'sparks.create', { networkId }),
  service: sparksService,
  /**
   * The platform's photo handling, for other modules' uploads: the type decided by the
   * content, at most MAX_UPLOAD_BYTES and MAX_PHOTO_PIXELS, re-encoded as JPEG without
   * location or camera data.
   */
  processPhoto,
  /**
   * A form's optional upload (platform/photos.ts `uploadedPhoto`) through processPhoto:
   * `{ ok: true, photo: null }` when no file was chosen, the re-encoded photo, or the reason
   * it was refused ('tooLarge' | 'type' | 'tooManyPixels' | 'empty').
   */
  preparePhoto,
  MAX_PHOTO_PIXELS,
};

export const sparksModule: ModuleManifest<typeof sparksMessages, typeof api> = {
  name: 'sparks',
  tables,
  messages: sparksMessages,
  routes: sparksRoutes,
  seed: seedSparksDemo,
  personData: sparksPersonData,
  publicSections: [
    (db, network, request) => sparksPublicSection(db, network, request.t, request.lang),
  ],
  overview: [sparksOverview],
  moderation: [sparkModeration],
  publication: [sparkPublication],
  search: sparksSearch,
  api,
};
