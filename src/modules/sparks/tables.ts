// Tables of the sparks module (vonkjes). Every row carries its
// network; photos live in the database (bytea) because app processes share nothing else.
import { boolean, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/columns.js';
import { networkModule } from '../network/index.js';
import { peopleModule } from '../people/index.js';

/** A re-encoded photo (no location or camera data), served from /vonkjes/foto/:id. */
export const sparkPhotos = pgTable(
  'spark_photos',
  {
    id: serial('id').primaryKey(),
    networkId: integer('network_id')
      .notNull()
      .references(() => networkModule.tables.networks.id),
    contentType: text('content_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    data: bytea('data').notNull(),
    /** What the photo shows, in the sender's words: its alt text (empty: a general one). */
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('spark_photos_network').on(t.networkId)],
);

/** The states of a spark (see the table below). */
export const sparkStates = ['published', 'pending', 'hidden', 'withdrawn'] as const;
export type SparkState = (typeof sparkStates)[number];

/**
 * A spark: a short good thing someone saw. `pending` sparks came from the public page and
 * wait for the coordinator; only `published` ones are shown. `hidden`: taken down by a
 * coordinator (with `hiddenReason`); `withdrawn`: by its author (decision 0009). A member's
 * spark meant for the public page waits with `publicRequested` (members see it on the wall
 * meanwhile) when the network's setting asks for that.
 */
export const sparks = pgTable(
  'sparks',
  {
    id: serial('id').primaryKey(),
    networkId: integer('network_id')
      .notNull()
      .references(() => networkModule.tables.networks.id),
    authorId: integer('author_id').references(() => peopleModule.tables.people.id),
    /** The name a visitor gave on the public form (no account); may be empty. */
    visitorName: text('visitor_name'),
    text: text('text').notNull(),
    isPublic: boolean('is_public').notNull().default(false),
    status: text('status', { enum: sparkStates }).notNull().default('published'),
    publicRequested: boolean('public_requested').notNull().default(false),
    hiddenReason: text('hidden_reason'),
    moderatedBy: integer('moderated_by').references(() => peopleModule.tables.people.id),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    photoId: integer('photo_id').references(() => sparkPhotos.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sparks_network_created').on(t.networkId, t.createdAt),
    index('sparks_author').on(t.authorId),
  ],
);

/**
 * Per network: whether members' sparks meant for the public page show there at once
 * (`membersPublicAtOnce`) or wait for the coordinator (the default, also without a row).
 */
export const sparkSettings = pgTable('spark_settings', {
  networkId: integer('network_id')
    .primaryKey()
    .references(() => networkModule.tables.networks.id),
  membersPublicAtOnce: boolean('members_public_at_once').notNull().default(false),
});
