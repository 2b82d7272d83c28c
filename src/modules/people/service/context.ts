// What every part of the people service shares: the database, mail, the repositories, the
// keyed hash of one-time codes, rate-limit counters and a person's memberships with the
// names of their networks (from the network module's face). Built once per app.
import type { Database } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit.js';
import { chosenLanguage, type Translate, translator } from '../../../platform/i18n/index.js';
import type { Mailer } from '../../../platform/mail.js';
import type { PersonDataProvider } from '../../../platform/module.js';
import { rateLimitKeys } from '../../../platform/rate-limit.js';
import { platformRepository } from '../../../platform/repository.js';
import { networkModule } from '../../network/index.js';
import { peopleDirectory, peopleRepository } from '../repository/index.js';
import { codeHasher, newSessionId, sessionHash } from '../secrets.js';

/**
 * The translator for mail to a person: their chosen language (`people.language`), Dutch when
 * they chose none (issue 12 item 13).
 */
export function mailTranslator(language: string | null | undefined): Translate {
  return translator(chosenLanguage(language));
}

export interface PeopleServiceOptions {
  db: Database;
  mailer: Mailer;
  codeSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Every module's part of a person's data, for the export and the erasure. */
  personData?: PersonDataProvider[];
}

/** Sorts network names as Dutch readers expect. */
export const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

export function serviceContext(options: PeopleServiceOptions) {
  const { db } = options;
  const repo = peopleRepository(db);
  const platform = platformRepository(db);
  const places = networkModule.api.places(db);
  const limitKey = rateLimitKeys(options.codeSecret);

  /** A person's memberships with their network's name and address, by network name. */
  async function listMembershipsOf(personId: number) {
    const rows = await repo.listMembershipsOf(personId);
    if (rows.length === 0) return [];
    const networks = new Map(
      (await places.listNetworkSummaries(rows.map((r) => r.networkId))).map((n) => [n.id, n]),
    );
    return rows
      .flatMap((r) => {
        const network = networks.get(r.networkId);
        return network ? [{ ...r, networkName: network.name, slug: network.slug }] : [];
      })
      .sort((a, b) => collator.compare(a.networkName, b.networkName));
  }

  /**
   * A coordinator joined a network (by invitation or a new role): the network's audit log
   * says so, and every other coordinator with an email address gets a mail (issue 9: nobody
   * becomes coordinator unseen).
   */
  async function tellCoordinatorsOfNewCoordinator(
    networkId: number,
    newPersonId: number,
    byPersonId: number | null,
  ): Promise<void> {
    await recordAudit(db, {
      actorId: byPersonId,
      action: 'membership.coordinatorJoined',
      result: 'ok',
      objectType: 'person',
      objectId: newPersonId,
      networkId,
    });
    const [contacts, network, names] = await Promise.all([
      repo.listCoordinatorContacts(networkId),
      places.listNetworkSummaries([networkId]),
      repo.findPersonById(newPersonId),
    ]);
    const languages = new Map(
      (await peopleDirectory(db).listMailRecipients(contacts.map((c) => c.personId))).map((r) => [
        r.personId,
        r.language,
      ]),
    );
    for (const contact of contacts) {
      if (contact.personId === newPersonId || !contact.email) continue;
      const t = mailTranslator(languages.get(contact.personId));
      const networkName = network[0]?.name ?? t('mail.yourNetwork');
      await options.mailer.send(db, {
        to: contact.email,
        personId: contact.personId,
        subject: t('mail.coordinatorJoined.subject', { network: networkName }),
        body: [
          t('account.email.mail.greeting', { name: contact.displayName }),
          '',
          t('mail.coordinatorJoined.body', {
            name: names?.displayName || t('mail.someone'),
            network: networkName,
          }),
          t('mail.coordinatorJoined.check'),
        ].join('\n'),
      });
    }
  }

  return {
    options,
    tellCoordinatorsOfNewCoordinator,
    db,
    mailer: options.mailer,
    repo,
    platform,
    places,
    /** The keyed hash under which one-time codes are stored (see secrets.ts). */
    hashCode: codeHasher(options.codeSecret),
    /** Counts an attempt; false once the key has used up its allowance in the window. */
    async withinLimit(key: string, max: number, windowMs: number): Promise<boolean> {
      const { count } = await platform.incrementRateLimit(limitKey(key), windowMs);
      return count <= max;
    },
    /** The counter behind a key, for limits that count only some attempts. */
    limitKey,
    listMembershipsOf,
    /** Starts a session; returns its id (for the cookie; the database keeps only its hash). */
    async startSession(personId: number, userAgent?: string): Promise<string> {
      const sessionId = newSessionId();
      await repo.insertSession(sessionHash(sessionId), personId, userAgent);
      return sessionId;
    },
  };
}

export type ServiceContext = ReturnType<typeof serviceContext>;
