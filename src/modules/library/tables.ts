// Tables of the library: stories, cases and lessons (one table, by kind), responses to
// cases, and each person's private reflections. Items carry their network and, copied
// from it when written, its municipality and region: the visibility filter needs them.
import { boolean, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { photoColumns } from '../../platform/columns.js';
// Foreign keys only: tables.ts may name another module's tables (see decision 0005).
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';

export const itemKinds = ['story', 'case', 'lesson'] as const;
export type ItemKind = (typeof itemKinds)[number];

export const itemVisibilities = ['network', 'municipality', 'region', 'public'] as const;
export type ItemVisibility = (typeof itemVisibilities)[number];

/** Where a lesson came from: an experiment, a case, or nowhere (written on its own). */
export const lessonSources = ['experiment', 'case'] as const;
export type LessonSource = (typeof lessonSources)[number];

export const libraryItems = pgTable(
  'library_items',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: itemKinds }).notNull(),
    networkId: integer('network_id')
      .notNull()
      .references(() => networkModule.tables.networks.id),
    municipalityId: integer('municipality_id').notNull(),
    regionId: integer('region_id').notNull(),
    title: text('title').notNull(),
    /** Story: the story. Case: the situation. Lesson: what we learned. */
    body: text('body').notNull(),
    /** Case: the question put to others. Lesson: what we would do differently. */
    extra: text('extra').notNull().default(''),
    sourceType: text('source_type', { enum: lessonSources }),
    sourceId: integer('source_id'),
    sourceTitle: text('source_title').notNull().default(''),
    /** Null once the author erased their account; the item stays, without a name. */
    authorId: integer('author_id').references(() => peopleModule.tables.people.id),
    /** Who may see it now. Beyond the network only after the coordinator approved. */
    visibility: text('visibility', { enum: itemVisibilities }).notNull().default('network'),
    /** A wider visibility the author asked for, waiting for the coordinator; else null. */
    requestedVisibility: text('requested_visibility', { enum: itemVisibilities }),
    /** Themes and tags, lower case. */
    themes: text('themes').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('library_items_network').on(t.networkId, t.kind),
    index('library_items_visibility').on(t.visibility, t.regionId, t.municipalityId),
  ],
);

/** A response to a case, by a member of any network that can see the case. */
export const libraryResponses = pgTable(
  'library_responses',
  {
    id: serial('id').primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => libraryItems.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => peopleModule.tables.people.id),
    /** The network the responder answered from (their first membership that can see it). */
    authorNetworkId: integer('author_network_id').references(
      () => networkModule.tables.networks.id,
    ),
    text: text('text').notNull(),
    /** Marked by the case's owner: this helped. */
    helped: boolean('helped').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('library_responses_item').on(t.itemId)],
);

/**
 * A person's private journal: answers to reflection questions. Read and written only by
 * the person; never indexed, never counted, exported only in their own download.
 */
export const reflections = pgTable(
  'reflections',
  {
    id: serial('id').primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => peopleModule.tables.people.id, { onDelete: 'cascade' }),
    /** A key of the reflection questions (messages `library.reflect.q.*`), or 'free'. */
    question: text('question').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reflections_person').on(t.personId, t.createdAt)],
);

/**
 * A story's optional photo (one at most), re-encoded by the sparks module's photo handling
 * (no location or camera data). Goes with its story; served only to those the story's
 * visibility reaches. `description` is its alt text, required with a photo.
 */
export const libraryPhotos = pgTable('library_photos', {
  itemId: integer('item_id')
    .primaryKey()
    .references(() => libraryItems.id, { onDelete: 'cascade' }),
  ...photoColumns(),
});
