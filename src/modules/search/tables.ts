// Tables of the search module: the index of every module's searchable documents (given by
// their manifests' `search` providers; search knows no other module's tables) and when
// each document type was last built in full.
import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const searchVisibilities = ['network', 'municipality', 'region', 'public'] as const;

export const searchDocuments = pgTable(
  'search_documents',
  {
    type: text('type').notNull(),
    sourceId: integer('source_id').notNull(),
    networkId: integer('network_id').notNull(),
    municipalityId: integer('municipality_id').notNull(),
    regionId: integer('region_id').notNull(),
    visibility: text('visibility', { enum: searchVisibilities }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    themes: text('themes').array().notNull().default([]),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    path: text('path').notNull(),
    /** Dutch stems of the title (weight A) and the body (weight B). */
    document: tsvector('document')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('dutch', coalesce("title", '')), 'A') || setweight(to_tsvector('dutch', coalesce("body", '')), 'B')`,
      ),
  },
  (t) => [
    primaryKey({ columns: [t.type, t.sourceId] }),
    index('search_documents_document').using('gin', t.document),
    index('search_documents_network').on(t.networkId),
    index('search_documents_place').on(t.visibility, t.regionId, t.municipalityId),
    index('search_documents_occurred').on(t.occurredAt),
  ],
);

/** When a document type was last indexed in full (the first search builds what is missing). */
export const searchIndexState = pgTable('search_index_state', {
  type: text('type').primaryKey(),
  builtAt: timestamp('built_at', { withTimezone: true }).notNull(),
});
