// Meeting times are entered and shown in Europe/Amsterdam, stored as instants.
const zone = 'Europe/Amsterdam';
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Local date (YYYY-MM-DD) and time (HH:MM) in Amsterdam of an instant. */
export function toLocal(date: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

function offsetMs(instant: number): number {
  const local = toLocal(new Date(instant));
  const [y, m, d] = local.date.split('-').map(Number);
  const [h, mi] = local.time.split(':').map(Number);
  return Date.UTC(y!, m! - 1, d!, h!, mi!) - Math.floor(instant / 60_000) * 60_000;
}

/** The instant of a local Amsterdam date and time; undefined when it is not a real date. */
export function fromLocal(date: string, time: string): Date | undefined {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dm || !tm) return undefined;
  const [y, m, d, h, mi] = [dm[1], dm[2], dm[3], tm[1], tm[2]].map(Number) as number[];
  if (h! > 23 || mi! > 59) return undefined;
  // Date.UTC reads the years 0–99 as 1900–1999: set the full year explicitly.
  const at = new Date(Date.UTC(2000, 0, 1, h!, mi!));
  at.setUTCFullYear(y!, m! - 1, d!);
  const guess = at.getTime();
  const check = new Date(guess);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== m! - 1 || check.getUTCFullYear() !== y)
    return undefined;
  let instant = guess - offsetMs(guess);
  instant = guess - offsetMs(instant);
  return new Date(instant);
}

/**
 * A period of whole months [from, to), given as Amsterdam calendar dates that are first days
 * of months ("2026-01-01"), as the months it starts and ends with: `{ first, end }`
 * ("YYYY-MM"; `end` is the month after the last one). The pulse's monthly summaries are keyed
 * by these months (decision 0017). Throws an Error for a bound that is not a month's first day.
 */
export function wholeMonths(from: string, to: string): { first: string; end: string } {
  for (const bound of [from, to]) {
    if (!/^\d{4}-\d{2}-01$/.test(bound)) throw new Error(`not a month's first day: ${bound}`);
  }
  return { first: from.slice(0, 7), end: to.slice(0, 7) };
}
