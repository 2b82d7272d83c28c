// The shape of a module's manifest: the one object its index.ts exports, and everything the
// platform learns about the module (tables, messages, routes, demo data, person data, public
// page sections, daily jobs, and the few functions other modules may call). See decision 0005.
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Config } from '../config.js';
import type { Database, DatabaseHandle, Executor } from '../db/client.js';
import type { Actor, MemberRole } from './actor.js';
import type { Lang, MessageKey, Translate } from './i18n/index.js';
import type { Mailer } from './mail.js';

/**
 * A block that a module adds to a network's public page /buurt/:slug (upcoming public
 * meetings, public sparks, the invitation to report what goes on). Rendered as a section
 * with an h2 title; a provider that returns null adds nothing.
 */
export interface PublicSection {
  title: string;
  body: VNode;
}

/** Gives a module's block on a network's public page, or null when it has nothing to show. */
export type PublicSectionProvider = (
  db: Database,
  network: { id: number; name: string; slug: string },
  request: FastifyRequest,
) => Promise<PublicSection | null>;

/**
 * A module's part in a person's rights over their data (AVG articles 15, 17 and 20):
 * `export` returns plain JSON-able data of that person only; `erase` removes or anonymises
 * it inside the erasure transaction (contributions stay, without what identifies them).
 */
export interface PersonDataProvider {
  name: string;
  export(db: Executor, personId: number): Promise<unknown>;
  erase(db: Executor, personId: number): Promise<void>;
  /**
   * The person's own files (photos they sent), for the download beside the data:
   * `name` is a path inside the archive (`fotos/vonkje-12.jpg`), `data` the file's bytes.
   */
  files?(db: Executor, personId: number): Promise<Array<{ name: string; data: Buffer }>>;
}

/**
 * Where a searchable document may be seen (see platform/visibility.ts): members of its
 * network; every network of its municipality; every network of its region; or everyone.
 */
export type SearchVisibility = 'network' | 'municipality' | 'region' | 'public';

/**
 * One searchable document as a module hands it to the search indexer: plain text, no SQL,
 * no HTML. `type` is one of the provider's `types`; (`type`, `sourceId`) is its identity.
 * The place ids are the tenant the permission filter checks; `path` is the page that shows
 * it (relative, starting with /); `occurredAt` is the date the period filter uses.
 * A module must leave out anything bound to a person (person-bound signals, reflections,
 * drafts only their author may read): the index only knows the four visibility levels.
 */
export interface SearchDocument {
  type: string;
  sourceId: number;
  networkId: number;
  municipalityId: number;
  regionId: number;
  visibility: SearchVisibility;
  title: string;
  body: string;
  /** Themes or tags, lower case; the theme filter matches one of them. */
  themes: string[];
  occurredAt: Date;
  path: string;
}

/**
 * A module's searchable documents, for the search module's indexer (which knows no other
 * module's tables). `listDocuments` gives every current document of the given type, or
 * only those with the given source ids (to refresh after a change; ids not returned are
 * removed from the index). The module tells the indexer about changes through the search
 * module's face (`searchModule.api.refresh`).
 */
export interface SearchProvider {
  /** The document types this module provides, e.g. ['experiment', 'logbook_entry']. */
  types: readonly string[];
  listDocuments(
    db: Executor,
    type: string,
    sourceIds?: readonly number[],
  ): Promise<SearchDocument[]>;
}

/**
 * An item of public or shared content as moderation sees it (decision 0009): enough to show
 * it in the queue, tell its author and link to where it stands. `state`: `pending` waits for
 * a coordinator, `published` is shown, `hidden` was taken down by a coordinator, `withdrawn`
 * by its author. `public`: visitors may see it (else only members of its network).
 */
export interface ModeratedItem {
  kind: string;
  id: number;
  networkId: number;
  authorId: number | null;
  /** The item's text, plain, for the queue (the view shortens it). */
  text: string;
  state: 'pending' | 'published' | 'hidden' | 'withdrawn';
  public: boolean;
  /** Where the item is shown to the one who reports or withdraws it: a same-site path. */
  path: string;
}

/**
 * A provider's refusal to hide or withdraw an item that may not change any more (a budget
 * proposal once its round has ballots). Thrown inside the moderation transaction, which rolls
 * back; the moderation module audits it as denied and answers 409 with `messageKey`.
 */
export class ModerationRefused extends Error {
  constructor(readonly messageKey: MessageKey) {
    super(`moderation refused: ${messageKey}`);
  }
}

/**
 * A module's content kind under moderation after publication (decision 0009). The platform's
 * moderation module takes reports, hides and records withdrawals through these functions; the
 * module keeps the state in its own tables and leaves hidden and withdrawn items out of
 * every list, feed, export of others and search.
 * - `hide` and `withdraw` change only a `published` item and say whether they did (false:
 *   it was not published, or not there); they run inside the caller's transaction, and may
 *   throw ModerationRefused when the item can no longer change.
 */
export interface ModerationProvider {
  /** The kind in URLs and reports: lower case, e.g. 'spark'. */
  kind: string;
  find(db: Executor, id: number): Promise<ModeratedItem | undefined>;
  hide(
    db: Executor,
    id: number,
    change: { reason: string; by: number; at: Date },
  ): Promise<boolean>;
  withdraw(db: Executor, id: number, change: { by: number; at: Date }): Promise<boolean>;
}

/**
 * An item that waits for a coordinator before it is published (decision 0009), as the
 * moderation module's page "Wacht op publicatie" shows it: view-ready texts in the
 * interface language, the time it came in (the page lists the oldest first).
 */
export interface WaitingItem {
  kind: string;
  id: number;
  networkId: number;
  /** A short title (a signal's first line), or null when the item has none (a spark). */
  title: string | null;
  /** The item's text, plain; the view keeps its line breaks. */
  text: string;
  /** Who sent it, in words ("Piet (via de website)", a member's name, "oud-lid"). */
  authorLabel: string;
  /** The account to tell when it is refused (then a reason is required), or null. */
  authorId: number | null;
  createdAt: Date;
  /**
   * A choice the coordinator makes when approving (a signal's theme): the form field's
   * name, label, options and the option selected at first. `approve` gets the value.
   */
  choice?: {
    label: string;
    options: Array<{ value: string; label: string }>;
    selected: string;
  };
  /**
   * Where the whole item can be read (a same-site path), when the page shows only part of
   * it (a library story's first lines); shown as a link.
   */
  path?: string;
  /**
   * An opaque token of what the coordinator is shown (a library item's asked visibility),
   * for a decision on exactly that: the page sends it back in a hidden field `version`,
   * `approve` and `reject` get it as `change.version` and change nothing when it no longer
   * matches (the moderation module then tells the coordinator that the item changed
   * meanwhile). Items without one are decided whatever was shown.
   */
  version?: string;
}

/**
 * A setting of a module that decides what waits for publication (the sparks' "members'
 * public sparks wait"), shown as one checkbox on the moderation page; the form posts to
 * `action`, a route of the owning module, which redirects back to the moderation page.
 */
export interface PublicationSetting {
  title: string;
  action: string;
  name: string;
  label: string;
  hint: string;
  checked: boolean;
}

/**
 * A module's items that wait for publication (decision 0009): visitors' sparks, members'
 * public sparks, signals from the public form, library items asked to be shared wider. The moderation module lists them together on
 * `/netwerk/:id/moderatie` and approves or refuses them through these functions; the module
 * keeps the state in its own tables. `approve` and `reject` run inside the moderation
 * transaction, audit the change themselves (in the module's own action names) and change
 * only a waiting item of that network: false / undefined when it was not waiting (any more).
 */
/**
 * A kind's own words for the decision, where "publish" does not fit (a library item asking to
 * be shared more widely is approved, not published): message keys of the owning module. The
 * moderation module's words (publish, published, "not made public") are the default.
 */
export interface PublicationWords {
  /** The approve button. */
  approve: MessageKey;
  /** The message after approving. */
  approved: MessageKey;
  /** The subject of the mail that tells the author of a refusal. */
  rejectedSubject: MessageKey;
  /** The mail's first sentence, before the item's text and the reason. */
  rejected: MessageKey;
}

export interface PublicationProvider {
  /** The kind in URLs: lower case, e.g. 'spark' (the same as its ModerationProvider's). */
  kind: string;
  countWaiting(db: Executor, networkId: number): Promise<number>;
  /** The network's oldest `limit` waiting items, oldest first. */
  listWaiting(db: Executor, networkId: number, limit: number, t: Translate): Promise<WaitingItem[]>;
  /** One waiting item of the network, or undefined when it does not wait (any more). */
  findWaiting(
    db: Executor,
    networkId: number,
    id: number,
    t: Translate,
  ): Promise<WaitingItem | undefined>;
  /**
   * Publishes a waiting item; `choice` is the value of its `choice` field, if it has one;
   * `version` the item's `version` as the page showed it (false when it no longer matches).
   */
  approve(
    db: Executor,
    networkId: number,
    id: number,
    change: { by: number; at: Date; origin: string; choice?: string; version?: string },
  ): Promise<boolean>;
  /**
   * Refuses a waiting item (deleted, or kept for members only: the module decides). Gives
   * the author to tell and the item's text for the message, or undefined when not waiting
   * (or, for an item with a `version`, when `change.version` no longer matches).
   */
  reject(
    db: Executor,
    networkId: number,
    id: number,
    change: { by: number; at: Date; origin: string; version?: string },
  ): Promise<{ authorId: number | null; text: string } | undefined>;
  /** The module's setting about what waits, shown on the moderation page; optional. */
  setting?(db: Executor, networkId: number, t: Translate): Promise<PublicationSetting>;
  /** The kind's own words for the decision; the moderation module's when left out. */
  words?: PublicationWords;
}

/**
 * One line of a block on a network's overview (`/netwerk/:id`, decision 0014): a label in the
 * module's own words, optionally a count (shown as a badge beside the words, never colour
 * alone), a same-site link and a short detail (a date, a status).
 */
export interface OverviewItem {
  label: string;
  count?: number;
  href?: string;
  detail?: string;
}

/**
 * Where a block goes on the overview: `waiting` what waits for the coordinator, `council`
 * what waits for the council, `mine` the signed-in person's own part, `next` what comes
 * next (the next meeting). The page shows the parts in this order.
 */
export type OverviewPart = 'waiting' | 'council' | 'mine' | 'next';

/** A block of the overview: an h3 title and its items; a block without items is left out. */
export interface OverviewBlock {
  part: OverviewPart;
  title: string;
  items: OverviewItem[];
}

/** Something that happened in the network, for the overview's "recent activity" (newest first). */
export interface OverviewActivity {
  at: Date;
  /** What happened, in the module's words ("Nieuw signaal: Losse stoeptegels"). */
  label: string;
  href: string;
}

/**
 * Who asks for the overview: the actor, their role in the network (`admin` for an
 * administrator who is no member), the network, the interface language and the time.
 */
export interface OverviewRequest {
  db: Database;
  network: { id: number; name: string; slug: string };
  actor: Actor;
  role: MemberRole | 'admin';
  t: Translate;
  lang: Lang;
  now: Date;
}

/**
 * A module's part of a network's overview for one actor: its blocks and recent activity
 * (at most `OVERVIEW_ACTIVITY_LIMIT` items). Queries are counts or limited lists in the
 * module's repository; a provider shows only what this actor may see (person-bound signals
 * only to who may read them) and returns empty lists when it has nothing for this role.
 */
export type OverviewProvider = (
  request: OverviewRequest,
) => Promise<{ blocks: OverviewBlock[]; activity?: OverviewActivity[] }>;

/** How many recent events the overview shows (merged from every provider, newest first). */
export const OVERVIEW_ACTIVITY_LIMIT = 10;

/** A daily job of a module (see platform/jobs.ts): `now` is passed so tests control time. */
export interface ModuleJob {
  name: string;
  run(db: Database, now: Date): Promise<unknown>;
}

/** What a frequent worker gets: the database, the mailer, settings and the code secret. */
export interface WorkerContext {
  db: Database;
  mailer: Mailer;
  config: Config;
  /** The key for HMACs of one-time codes and signed links (as in ModuleContext). */
  codeSecret: string;
  log: FastifyBaseLogger;
}

/**
 * A module's frequent worker (see platform/jobs.ts): every app process runs it about once a
 * minute, so it must be safe to run in two processes at once (claim rows with
 * `FOR UPDATE SKIP LOCKED`, or a unique key). `now` is passed so tests control time.
 */
export interface ModuleWorker {
  name: string;
  run(context: WorkerContext, now: Date): Promise<unknown>;
}

/** What the platform hands to every module's routes: built once per app, never per request. */
export interface ModuleContext {
  db: Database;
  database: DatabaseHandle;
  config: Config;
  mailer: Mailer;
  /** The key for HMACs of one-time codes (COOKIE_SECRET, or a generated one in development). */
  codeSecret: string;
  /** Every module's blocks for the public network page, in the module list's order. */
  publicSections: PublicSectionProvider[];
  /** Every module's part of a person's data, in the module list's order. */
  personData: PersonDataProvider[];
  /** Every module's searchable documents (modules without a `search` entry add none). */
  searchProviders: SearchProvider[];
  /** Every module's kinds of content under moderation after publication. */
  moderationProviders: ModerationProvider[];
  /** Every module's items that wait for publication (the moderation page lists them). */
  publicationProviders: PublicationProvider[];
  /** Every module's part of a network's overview page, in the module list's order. */
  overviewProviders: OverviewProvider[];
  /** Demo accounts listed on the login page in demo mode (empty otherwise). */
  demoAccounts: Array<{ account: string; role: string; network: string }>;
  demoPassword: string | undefined;
}

/**
 * The demo seed of a module: adds its part of the fictional region to an empty database.
 * Seeds run in the module list's order, so a seed finds what earlier modules made through
 * their faces (networks by slug, members of a network).
 */
export type DemoSeed = (db: Database) => Promise<void>;

/** Interface strings of a module in both languages (see i18n/define.ts). */
export interface ModuleMessages {
  nl: Record<string, string>;
  en: Record<string, string>;
}

/**
 * A module's manifest. `tables` are its Drizzle tables (the combined schema is built from
 * every manifest in src/modules/index.ts; another module's `tables.ts` may name them in a
 * foreign key, lazily, as `.references(() => networkModule.tables.networks.id)` — decision
 * 0008); `api` holds the functions other modules may call.
 */
export interface ModuleManifest<
  M extends ModuleMessages = ModuleMessages,
  A = object,
  T extends Record<string, unknown> = Record<string, unknown>,
> {
  name: string;
  tables: T;
  messages: M;
  routes?: (app: FastifyInstance, context: ModuleContext) => Promise<void>;
  seed?: DemoSeed;
  personData?: PersonDataProvider;
  publicSections?: PublicSectionProvider[];
  jobs?: ModuleJob[];
  /** Work done about once a minute in every process (the mail queue). */
  workers?: ModuleWorker[];
  /** Its kinds of public or shared content that can be reported, hidden and withdrawn. */
  moderation?: ModerationProvider[];
  /** Its items that wait for a coordinator before they are published (decision 0009). */
  publication?: PublicationProvider[];
  /** Its blocks and recent activity on a network's overview (decision 0014). */
  overview?: OverviewProvider[];
  /** What the module offers to search; optional (see SearchProvider). */
  search?: SearchProvider;
  api: A;
}
