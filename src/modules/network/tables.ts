import { sql } from 'drizzle-orm';
import {
  boolean,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const areaKind = pgEnum('area_kind', ['wijk', 'buurt', 'kern', 'dorp']);
export const organisationType = pgEnum('organisation_type', [
  'municipality',
  'welfare',
  'housing',
  'care',
  'education',
  'police',
  'residents_organisation',
  'resident_initiative',
  'other',
]);

export const regions = pgTable('regions', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
});

export const municipalities = pgTable('municipalities', {
  id: serial('id').primaryKey(),
  regionId: integer('region_id')
    .notNull()
    .references(() => regions.id),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
});

export const areas = pgTable('areas', {
  id: serial('id').primaryKey(),
  municipalityId: integer('municipality_id')
    .notNull()
    .references(() => municipalities.id),
  name: text('name').notNull(),
  kind: areaKind('kind').notNull(),
  slug: text('slug').notNull().unique(),
});

export interface NetworkSettings {
  /** Months after closing before a person-bound signal is made anonymous. */
  retentionMonths?: number;
  /** Extra signal themes the network added to the default list. */
  extraThemes?: string[];
}

/** Each area has one neighbourhood network; every network-owned row points here. */
export const networks = pgTable(
  'networks',
  {
    id: serial('id').primaryKey(),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    contactAddress: text('contact_address'),
    /** Listed in /buurten with a public page /buurt/:slug; otherwise for its members only. */
    isPublic: boolean('is_public').notNull().default(true),
    settings: jsonb('settings').$type<NetworkSettings>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('networks_area_unique').on(t.areaId)],
);

export const organisations = pgTable('organisations', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  type: organisationType('type').notNull(),
  website: text('website'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const networkOrganisations = pgTable(
  'network_organisations',
  {
    networkId: integer('network_id')
      .notNull()
      .references(() => networks.id),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.organisationId] })],
);
