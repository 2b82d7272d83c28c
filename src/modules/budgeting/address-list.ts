// The address list a coordinator uploads to make one voting code per address: plain text or
// CSV (as a spreadsheet saves it in the Netherlands, with ';' between columns), one address
// a line. Pure: parsing and the CSV cell guard, no I/O.
import { parse } from 'csv-parse/sync';

/** The longest address kept (characters); longer lines are refused with their number. */
export const ADDRESS_MAX_LENGTH = 200;

export type AddressListResult =
  | { ok: true; addresses: string[] }
  | { ok: false; problem: 'empty' | 'tooMany' | 'tooLong' | 'unreadable'; line?: number };

/**
 * The addresses of a list, one a line: the columns of a CSV line are joined with ", "
 * (street and town in two columns become one address), empty lines are skipped, control
 * characters dropped. At most `max` addresses, each at most ADDRESS_MAX_LENGTH characters.
 */
export function parseAddressList(text: string, max: number): AddressListResult {
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter: ';',
      bom: true,
      trim: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, problem: 'unreadable', ...(line ? { line } : {}) };
  }
  const addresses: string[] = [];
  for (const [k, row] of rows.entries()) {
    const address = row
      .map((cell) => cell.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').trim())
      .filter((cell) => cell !== '')
      .join(', ');
    if (address === '') continue;
    if (address.length > ADDRESS_MAX_LENGTH) return { ok: false, problem: 'tooLong', line: k + 1 };
    addresses.push(address);
  }
  if (addresses.length === 0) return { ok: false, problem: 'empty' };
  if (addresses.length > max) return { ok: false, problem: 'tooMany' };
  return { ok: true, addresses };
}

/**
 * A CSV cell that a spreadsheet reads as text, never as a formula (OWASP CSV injection): a
 * cell starting with = + - @ or a tab or carriage return gets a leading '; a cell with ';',
 * '"' or a line break is quoted.
 */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
