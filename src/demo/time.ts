// Dates for the demo: relative to the day the demo is loaded, at local Amsterdam times.
import { fromLocal, toLocal } from '../platform/time.js';

const DAY = 86_400_000;

/** `daysAgo` days before now (negative: in the future), at `time` (HH:MM) in Amsterdam. */
export function daysAgoAt(daysAgo: number, time: string): Date {
  const local = toLocal(new Date(Date.now() - daysAgo * DAY));
  return fromLocal(local.date, time)!;
}
