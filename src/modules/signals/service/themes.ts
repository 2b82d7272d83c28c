// The themes of a network (the defaults and its own), the pattern view over them, and the
// retention period of its person-bound signals.
import { toLocal } from '../../../platform/time.js';
import { isDefaultTheme, themesOf } from '../themes.js';
import {
  MAX_EXTRA_THEMES,
  PATTERN_MONTHS,
  type PatternSummary,
  type SignalsContext,
} from './shared.js';

export function themeService({ repo }: SignalsContext) {
  /** Every theme a signal of the network may carry: the defaults, then its own. */
  async function listThemes(networkId: number): Promise<string[]> {
    return themesOf(await repo.listThemes(networkId));
  }

  return {
    /** The network's own themes, in the order they were added. */
    listExtraThemes: (networkId: number) => repo.listThemes(networkId),
    listThemes,

    /**
     * Signals per theme and month over the last PATTERN_MONTHS months (Europe/Amsterdam),
     * person-bound ones included as numbers only. Themes in the network's order, then any
     * theme no longer in its list; themes without a signal in the period are left out.
     */
    async summarisePattern(networkId: number, now = new Date()): Promise<PatternSummary> {
      const months: string[] = [];
      const amsterdam = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Europe/Amsterdam',
        year: 'numeric',
        month: '2-digit',
      });
      // The current month is Amsterdam's: on the last evening of a month (UTC) it is already
      // the next one there, and signals of that night belong to it.
      const [year, month] = toLocal(now).date.split('-').map(Number) as [number, number];
      const start = new Date(Date.UTC(year, month - 1 - (PATTERN_MONTHS - 1), 1));
      for (let i = 0; i < PATTERN_MONTHS; i++) {
        const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 15));
        months.push(amsterdam.format(d).slice(0, 7));
      }
      // From the first day of the oldest month (a day early: the time zone is applied in SQL).
      const since = new Date(start.getTime() - 86_400_000);
      const [found, themes] = await Promise.all([
        repo.countByThemeAndMonth(networkId, since),
        listThemes(networkId),
      ]);
      const counts = new Map<string, Map<string, number>>();
      for (const row of found) {
        if (!months.includes(row.month)) continue;
        const perMonth = counts.get(row.theme) ?? new Map<string, number>();
        perMonth.set(row.month, (perMonth.get(row.month) ?? 0) + row.n);
        counts.set(row.theme, perMonth);
      }
      const order = [...themes, ...[...counts.keys()].filter((k) => !themes.includes(k))];
      const rows = order.flatMap((theme) => {
        const perMonth = counts.get(theme);
        if (!perMonth) return [];
        const c = months.map((m) => perMonth.get(m) ?? 0);
        return [{ theme, counts: c, total: c.reduce((a, b) => a + b, 0) }];
      });
      const totals = months.map((_, i) => rows.reduce((sum, r) => sum + (r.counts[i] ?? 0), 0));
      return { months, rows, totals, total: totals.reduce((a, b) => a + b, 0) };
    },

    /** Adds a theme of the network's own; refused when it exists or the list is full. */
    async addTheme(networkId: number, theme: string): Promise<'ok' | 'exists' | 'full'> {
      if (isDefaultTheme(theme)) return 'exists';
      const extra = await repo.listThemes(networkId);
      const lower = theme.toLowerCase();
      if (extra.some((t) => t.toLowerCase() === lower)) return 'exists';
      if (extra.length >= MAX_EXTRA_THEMES) return 'full';
      return (await repo.insertTheme(networkId, theme)) ? 'ok' : 'exists';
    },

    async removeTheme(networkId: number, theme: string): Promise<void> {
      await repo.deleteTheme(networkId, theme);
    },

    /** Sets the network's retention period (whole months, at least 1). */
    async updateRetentionMonths(networkId: number, months: number): Promise<void> {
      if (!Number.isInteger(months) || months < 1) throw new RangeError('retention months');
      await repo.upsertRetentionMonths(networkId, months);
    },
  };
}
