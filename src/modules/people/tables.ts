import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { networkModule } from '../network/index.js';

export const memberRole = pgEnum('member_role', [
  'resident',
  'professional',
  'coordinator',
  'council',
]);
export const invitationKind = pgEnum('invitation_kind', ['email', 'letter']);

/** A person with an account. After erasure the row stays (as "oud-lid") without anything identifying. */
export const people = pgTable('people', {
  id: serial('id').primaryKey(),
  email: text('email').unique(),
  username: text('username').unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash'),
  isAdmin: boolean('is_admin').notNull().default(false),
  /** Set by an administrator: the account cannot sign in until it is reactivated. */
  deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  erasedAt: timestamp('erased_at', { withTimezone: true }),
  /** The language the person chose for the interface and their mail ('nl' or 'en'); null: not chosen. */
  language: text('language'),
});

export const memberships = pgTable(
  'memberships',
  {
    id: serial('id').primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    networkId: integer('network_id')
      .notNull()
      .references(() => networkModule.tables.networks.id),
    role: memberRole('role').notNull(),
    organisationId: integer('organisation_id').references(
      () => networkModule.tables.organisations.id,
    ),
    /** The member chose to be listed on the public network page. */
    listed: boolean('listed').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('memberships_person_network').on(t.personId, t.networkId),
    index('memberships_network').on(t.networkId),
  ],
);

/** A leader (bestuurder) reads aggregated figures of one municipality or one region. */
export const leaderScopes = pgTable('leader_scopes', {
  id: serial('id').primaryKey(),
  personId: integer('person_id')
    .notNull()
    .references(() => people.id),
  municipalityId: integer('municipality_id').references(
    () => networkModule.tables.municipalities.id,
  ),
  regionId: integer('region_id').references(() => networkModule.tables.regions.id),
});

/** Server-side sessions; the cookie holds the id, the table only its hash. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    /** A number to name the session on "my sessions" (the hash is never shown). */
    publicId: serial('public_id').notNull().unique(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** The browser's user agent at sign-in, cut to 300 characters: for the device summary. */
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_person').on(t.personId)],
);

/** One-time codes to join a network; only a keyed hash of the code is stored. */
export const invitations = pgTable('invitations', {
  id: serial('id').primaryKey(),
  networkId: integer('network_id')
    .notNull()
    .references(() => networkModule.tables.networks.id),
  role: memberRole('role').notNull(),
  organisationId: integer('organisation_id').references(
    () => networkModule.tables.organisations.id,
  ),
  kind: invitationKind('kind').notNull(),
  email: text('email'),
  /** The name on a printed letter, so the coordinator knows whose letter it is. */
  addressee: text('addressee'),
  /**
   * The language the inviter chose for the mail or letter ('nl' or 'en', issue 12 item 13);
   * the new account starts with it.
   */
  language: text('language', { enum: ['nl', 'en'] })
    .notNull()
    .default('nl'),
  codeHash: text('code_hash').notNull().unique(),
  invitedBy: integer('invited_by').references(() => people.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  usedBy: integer('used_by').references(() => people.id),
});

export const passwordResets = pgTable('password_resets', {
  id: serial('id').primaryKey(),
  personId: integer('person_id')
    .notNull()
    .references(() => people.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** A change of email address waiting for the link mailed to the new address (24 hours, once). */
export const emailChanges = pgTable('email_changes', {
  id: serial('id').primaryKey(),
  personId: integer('person_id')
    .notNull()
    .references(() => people.id),
  newEmail: text('new_email').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
