// The closed list of notification kinds and the events of each kind, with the default
// choice of delivery (decision 0012). Pure data: no I/O.

/** What a person can be told about; each kind has its own choice of delivery. */
export const notificationKinds = [
  'signal',
  'duo',
  'moderation',
  'meeting',
  'invitation',
  'budget',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** How a person wants a kind delivered by mail: at once, gathered once a day, or not at all. */
export const deliveryChoices = ['immediate', 'daily', 'off'] as const;
export type DeliveryChoice = (typeof deliveryChoices)[number];

/**
 * The events of each kind (the message `notifications.event.<kind>.<event>` describes one):
 * - signal: a signal I follow changed status, or got an update;
 * - duo: I was added to a signal's duo;
 * - moderation: an item waits in a moderation queue I handle;
 * - meeting: a meeting I said I would attend is tomorrow, was moved, was cancelled or goes
 *   ahead after all;
 * - invitation: an invitation I sent was accepted;
 * - budget: a neighbourhood-budget plan I submitted was accepted, rejected (with the public
 *   reason) or got another cost in review, or the results say it is funded or not.
 */
export const notificationEvents = {
  signal: ['status', 'update'],
  duo: ['added'],
  moderation: ['waiting'],
  meeting: ['tomorrow', 'moved', 'cancelled', 'reopened'],
  invitation: ['accepted'],
  budget: ['accepted', 'rejected', 'cost', 'funded', 'notFunded'],
} as const satisfies Record<NotificationKind, readonly string[]>;

export type NotificationEvent<K extends NotificationKind = NotificationKind> =
  (typeof notificationEvents)[K][number];

/**
 * The choice of a person who never chose (issue 11 item 5 / the brief): at once for what
 * concerns them directly and soon (being added to a duo, a meeting they attend, the review
 * and result of their own budget plan: rare, and about their own work), a daily summary for
 * the rest.
 */
export const defaultChoices: Record<NotificationKind, DeliveryChoice> = {
  signal: 'daily',
  duo: 'immediate',
  moderation: 'daily',
  meeting: 'immediate',
  invitation: 'daily',
  budget: 'immediate',
};

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (notificationKinds as readonly string[]).includes(value);
}

export function isDeliveryChoice(value: unknown): value is DeliveryChoice {
  return typeof value === 'string' && (deliveryChoices as readonly string[]).includes(value);
}
