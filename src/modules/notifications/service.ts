// Notifications: raising them (inside the caller's transaction), people's choices, and the
// worker that turns them into mail in the platform's outbox (decisions 0012 and 0018).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Database, Executor } from '../../db/client.js';
import { chosenLanguage, translator } from '../../platform/i18n/index.js';
import type { WorkerContext } from '../../platform/module.js';
import { toLocal } from '../../platform/time.js';
import { baseUrl } from '../../platform/urls.js';
import { peopleModule } from '../people/index.js';
import {
  type DeliveryChoice,
  defaultChoices,
  type NotificationEvent,
  type NotificationKind,
  notificationKinds,
} from './kinds.js';
import { renderSingleMail, renderSummaryMail } from './presenters.js';
import { notificationsRepository } from './repository.js';

/** What a module tells: who, about what, with which words' parameters and where to look. */
export interface NotifyInput<K extends NotificationKind = NotificationKind> {
  kind: K;
  event: NotificationEvent<K>;
  /** The people to tell; duplicates and `exceptPersonId` (who caused it) are left out. */
  personIds: number[];
  exceptPersonId?: number | null;
  networkId: number | null;
  /** The message's parameters (see presenters.describeNotification: `at`, `…Key`). */
  params: Record<string, string | number>;
  /** A same-site path (starting with /) to the page about it. */
  link: string;
}

/**
 * Raises a notification: one row per person whose choice for the kind is not `off`, with
 * that choice, in the caller's transaction (`db` may be one), so it exists exactly when the
 * change it reports does. Mail follows from the worker. Returns how many rows were made.
 */
export async function notify<K extends NotificationKind>(
  db: Executor,
  input: NotifyInput<K>,
  now = new Date(),
): Promise<number> {
  const personIds = [...new Set(input.personIds)].filter((id) => id !== input.exceptPersonId);
  if (personIds.length === 0) return 0;
  if (!input.link.startsWith('/') || input.link.startsWith('//'))
    throw new Error('notify: link must be a same-site path');
  const repo = notificationsRepository(db);
  const chosen = await repo.findChoices(personIds, input.kind);
  const rows = personIds.flatMap((personId) => {
    const delivery = chosen.get(personId) ?? defaultChoices[input.kind];
    if (delivery === 'off') return [];
    return [
      {
        personId,
        networkId: input.networkId,
        kind: input.kind,
        event: input.event as string,
        params: input.params,
        link: input.link,
        delivery,
        createdAt: now,
      },
    ];
  });
  await repo.insertNotifications(rows);
  return rows.length;
}

/** Every kind with the person's choice (the default where they made none). */
export async function findChoices(
  db: Executor,
  personId: number,
): Promise<Record<NotificationKind, DeliveryChoice>> {
  const made = await notificationsRepository(db).listChoices(personId);
  return Object.fromEntries(
    notificationKinds.map((kind) => [kind, made.get(kind) ?? defaultChoices[kind]]),
  ) as Record<NotificationKind, DeliveryChoice>;
}

export async function saveChoices(
  db: Database,
  personId: number,
  choices: Partial<Record<NotificationKind, DeliveryChoice>>,
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const repo = notificationsRepository(tx);
    for (const [kind, choice] of Object.entries(choices)) {
      if (choice) await repo.saveChoice(personId, kind as NotificationKind, choice, now);
    }
  });
}

/** The signature of a one-click link: HMAC-SHA256 of person and kind, base64url. */
export function choiceToken(secret: string, personId: number, kind: NotificationKind): string {
  return createHmac('sha256', secret)
    .update(`notification-choice:${personId}:${kind}`)
    .digest('base64url');
}

export function isChoiceToken(
  secret: string,
  personId: number,
  kind: NotificationKind,
  token: string,
): boolean {
  const expected = Buffer.from(choiceToken(secret, personId, kind));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The path of the one-click page that changes one kind's choice without signing in. */
export function choicePath(secret: string, personId: number, kind: NotificationKind): string {
  return `/meldingen/keuze/${personId}/${kind}/${choiceToken(secret, personId, kind)}`;
}

/** Daily summaries go out from this hour on (Amsterdam time). */
export const SUMMARY_HOUR = 7;
const BATCH = 50;

type Recipients = Map<number, { email: string; lang: 'nl' | 'en' }>;

async function recipientsOf(db: Executor, personIds: number[]): Promise<Recipients> {
  const rows = await peopleModule.api.directory(db).listMailRecipients(personIds);
  return new Map(
    rows.map((r) => [r.personId, { email: r.email, lang: chosenLanguage(r.language) }]),
  );
}

/**
 * Writes one mail (mailer.send, same transaction) per `immediate` notification not yet
 * mailed, rendered in the recipient's language. The notifications are locked with SKIP LOCKED, so two processes take different
 * rows. People without an address (or a closed account) get none; the row is marked anyway.
 */
export async function queueImmediateMail(context: WorkerContext, now: Date): Promise<number> {
  const site = baseUrl(context.config);
  return context.db.transaction(async (tx) => {
    const repo = notificationsRepository(tx);
    const rows = await repo.claimImmediate(BATCH);
    if (rows.length === 0) return 0;
    const recipients = await recipientsOf(
      tx,
      rows.map((r) => r.personId),
    );
    let queued = 0;
    for (const row of rows) {
      const to = recipients.get(row.personId);
      if (!to) continue;
      const choice = `${site}${choicePath(context.codeSecret, row.personId, row.kind)}`;
      const mail = renderSingleMail(translator(to.lang), to.lang, row, {
        item: `${site}${row.link}`,
        choice,
      });
      await context.mailer.send(tx, {
        to: to.email,
        personId: row.personId,
        subject: mail.subject,
        body: mail.body,
        listUnsubscribe: choice,
      });
      queued++;
    }
    await repo.markMailed(
      rows.map((r) => r.id),
      now,
    );
    return queued;
  });
}

/**
 * Makes today's daily summaries (from SUMMARY_HOUR, Amsterdam time): one mail per person
 * with all their `daily` notifications not yet mailed. Each person's summary is one
 * transaction that first records (person, day) under a unique key: whichever process gets
 * there first makes it, the other finds the key taken and does nothing, so it goes out once.
 */
export async function queueDailySummaries(context: WorkerContext, now: Date): Promise<number> {
  const local = toLocal(now);
  if (Number(local.time.slice(0, 2)) < SUMMARY_HOUR) return 0;
  const site = baseUrl(context.config);
  const people = await notificationsRepository(context.db).listPeopleWithDaily(now, 500);
  let made = 0;
  for (const personId of people) {
    const done = await context.db.transaction(async (tx) => {
      const repo = notificationsRepository(tx);
      if (!(await repo.insertSummaryOnce(personId, local.date))) return false;
      const rows = await repo.lockDaily(personId, now);
      if (rows.length === 0) return false;
      const to = (await recipientsOf(tx, [personId])).get(personId);
      if (to) {
        const mail = renderSummaryMail(
          translator(to.lang),
          to.lang,
          rows.map((r) => ({
            ...r,
            link: `${site}${r.link}`,
          })),
          {
            choice: (kind) => `${site}${choicePath(context.codeSecret, personId, kind)}`,
            settings: `${site}${SETTINGS_PATH}`,
          },
        );
        await context.mailer.send(tx, {
          to: to.email,
          personId,
          subject: mail.subject,
          body: mail.body,
          listUnsubscribe: `${site}${SETTINGS_PATH}`,
        });
      }
      await repo.markMailed(
        rows.map((r) => r.id),
        now,
      );
      return true;
    });
    if (done) made++;
  }
  return made;
}

/** The signed-in page with every choice. */
export const SETTINGS_PATH = '/mijn-gegevens/meldingen';

/**
 * The worker of each minute: immediate mail, then today's summaries, each written to the
 * platform's outbox in the transaction that marks its notifications mailed; the platform's
 * delivery worker sends them (decision 0018). Returns how many mails of each were written.
 */
export async function runMailWorker(context: WorkerContext, now: Date) {
  const immediate = await queueImmediateMail(context, now);
  const summaries = await queueDailySummaries(context, now);
  return { immediate, summaries };
}
