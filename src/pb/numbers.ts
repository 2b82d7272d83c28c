/**
 * Numbers as pabulib files write them, read so that the value the engine counts with is the
 * value written. The engine keeps each amount as a double and counts with the exact value
 * of its shortest decimal ({@link Rational.fromNumber}), so a number is accepted only when
 * that decimal is the one written: not `1e400` (beyond a double), not `1e-400` (a double
 * rounds it to 0), not `12345678901234567891` (a double keeps about 16 significant digits).
 */

import { Rational } from './rational.js';

/** `12`, `-3.5`, `12,5` (comma decimals), `1e6`, `2.5E-3`. */
const DECIMAL = /^[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/;
/** `.5`, `-.25`. */
const LEADING_POINT = /^[+-]?\d*\.\d+$/;

/** Whether `text` (trimmed) is written as a number, whether or not a double can hold it. */
export function looksLikeNumber(text: string): boolean {
  const t = text.trim();
  return DECIMAL.test(t) || LEADING_POINT.test(t);
}

/**
 * Reads a number as pabulib files write them: `12.5`, `12,5` (comma decimals, common in
 * Polish and Dutch exports), `.5`, plain integers and exponents. Returns NaN when the text
 * is not a number, or when a double does not hold the value written (see the module's
 * comment), so that callers refuse it with a line number instead of counting with another
 * value. Any number of at most 15 significant digits, 0 or between 1e-300 and 1e300 in
 * size, is held (IEEE 754 binary64 keeps 15 decimal digits: DBL_DIG in C's float.h).
 */
export function readNumber(text: string): number {
  if (!looksLikeNumber(text)) return Number.NaN;
  const t = text.trim();
  const decimal = t.replace(',', '.');
  const x = Number(decimal);
  if (!Number.isFinite(x)) return Number.NaN;
  // Short and of ordinary size: held exactly (the common case, decided without BigInts).
  const size = Math.abs(x);
  if (t.length <= 15 && size >= 1e-300 && size <= 1e300) return x;
  // Zero is held when every digit written is 0, whatever the exponent (1e-400 is not 0).
  if (x === 0) return /[1-9]/.test(decimal.split(/[eE]/)[0] as string) ? Number.NaN : x;
  // Otherwise the exponent written is within the digits' length of ±330, so cheap to expand.
  const written = Rational.fromDecimal(decimal);
  return written && written.cmp(Rational.fromNumber(x)) === 0 ? x : Number.NaN;
}
