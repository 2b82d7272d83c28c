/**
 * Exact rational numbers on BigInt, used to settle decisions that floats cannot
 * decide safely (near-ties in MES and Phragmén) and by the exact reference engine.
 */
/** Integers up to this size are exact in a double (2^53 − 1). */
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export class Rational {
  /** Always in lowest terms with a positive denominator, so equal values are equal fields. */
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static of(num: bigint, den = 1n): Rational {
    if (den === 0n) throw new RangeError('division by zero');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num < 0n ? -num : num, den);
    return g === 1n ? new Rational(num, den) : new Rational(num / g, den / g);
  }

  static readonly ZERO = Rational.of(0n);

  /**
   * The exact value of a number as it was written in decimal: JavaScript prints the
   * shortest decimal that reads back as the same double, so 0.1 becomes 1/10, not the
   * binary approximation. Costs and budgets come from decimal text, so this is their
   * intended value.
   */
  static fromNumber(x: number): Rational {
    if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
    if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER)
      return Rational.of(BigInt(x));
    const r = Rational.fromDecimal(String(x));
    if (!r) throw new RangeError(`cannot read ${x} as a decimal`);
    return r;
  }

  /**
   * The exact value of a decimal written with `.` as its point: `-12.50`, `.5`, `3e-7`,
   * `2.5E+21`; undefined for other text. Its work grows with the exponent written (10^e as
   * a BigInt): callers hand it numbers of ordinary size.
   */
  static fromDecimal(text: string): Rational | undefined {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
    if (!m || `${m[2]}${m[3] ?? ''}` === '') return undefined;
    const frac = m[3] ?? '';
    let num = BigInt(`${m[2]}${frac}`);
    let den = 10n ** BigInt(frac.length);
    const exp = Number(m[4] ?? '0');
    if (exp > 0) num *= 10n ** BigInt(exp);
    else if (exp < 0) den *= 10n ** BigInt(-exp);
    return Rational.of(m[1] === '-' ? -num : num, den);
  }

  // Arithmetic as in Knuth, TAOCP vol. 2, 4.5.1: the gcds are taken of the operands'
  // parts, which are smaller than the result's, and the result needs no further reduction.
  add(o: Rational): Rational {
    return Rational.sum(this.num, this.den, o.num, o.den);
  }
  sub(o: Rational): Rational {
    return Rational.sum(this.num, this.den, -o.num, o.den);
  }
  mul(o: Rational): Rational {
    if (o.num === 1n && o.den === 1n) return this;
    return Rational.product(this.num, this.den, o.num, o.den);
  }
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError('division by zero');
    return o.num < 0n
      ? Rational.product(this.num, this.den, -o.den, -o.num)
      : Rational.product(this.num, this.den, o.den, o.num);
  }
  /** a/b + c/d in lowest terms, for a/b and c/d in lowest terms (b, d > 0). */
  private static sum(a: bigint, b: bigint, c: bigint, d: bigint): Rational {
    if (b === d) return b === 1n ? new Rational(a + c, 1n) : Rational.of(a + c, b);
    // Two fractions in lowest terms with different denominators never sum to 0.
    const g = gcd(b, d);
    if (g === 1n) return new Rational(a * d + c * b, b * d);
    const t = a * (d / g) + c * (b / g);
    const g2 = gcd(t < 0n ? -t : t, g);
    return new Rational(t / g2, (b / g) * (d / g2));
  }

  /** (a/b) × (c/d) in lowest terms, for a/b and c/d in lowest terms (b, d > 0). */
  private static product(a: bigint, b: bigint, c: bigint, d: bigint): Rational {
    const g1 = gcd(a < 0n ? -a : a, d);
    const g2 = gcd(c < 0n ? -c : c, b);
    return new Rational((a / g1) * (c / g2), (b / g2) * (d / g1));
  }

  cmp(o: Rational): number {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  /**
   * The nearest double (ties to even), at any magnitude: the quotient is taken with 64
   * significant bits and a sticky bit for what the division left, so Number() rounds it
   * once, and is then scaled by a power of two (exact unless the result is below 2^-1022,
   * where the scaling rounds once more, or beyond the largest double: ±Infinity).
   */
  toNumber(): number {
    const { num, den } = this;
    if (den === 1n) return Number(num);
    const neg = num < 0n;
    const a = neg ? -num : num;
    // a / den = q × 2^-shift with q of 64 or 65 bits.
    const shift = 64 - (bitLength(a) - bitLength(den));
    const scaledA = shift > 0 ? a << BigInt(shift) : a;
    const scaledDen = shift < 0 ? den << BigInt(-shift) : den;
    let q = scaledA / scaledDen;
    if (q * scaledDen !== scaledA) q |= 1n;
    const x = timesPowerOfTwo(Number(q), -shift);
    return neg ? -x : x;
  }
  toString(): string {
    return this.den === 1n ? `${this.num}` : `${this.num}/${this.den}`;
  }
}

/**
 * A running sum of rationals kept over a common denominator (the least common multiple of
 * the denominators added so far), reduced once when read: the sums over a project's
 * supporters add many budgets that share a few denominators, and reducing after every
 * addition made most of the exact engine's work.
 */
export class RationalSum {
  private num = 0n;
  private den = 1n;

  add(x: Rational): void {
    if (x.den === this.den) this.num += x.num;
    else if (this.den % x.den === 0n) this.num += x.num * (this.den / x.den);
    else {
      const g = gcd(this.den, x.den);
      const f = x.den / g;
      this.num = this.num * f + x.num * (this.den / g);
      this.den *= f;
    }
  }

  /** The sum in lowest terms. */
  value(): Rational {
    return Rational.of(this.num, this.den);
  }
}

/**
 * Greatest common divisor of a ≥ 0 and b > 0 (1 when both are 0). Below 2^53 it runs on
 * doubles, where % is exact for integers and far cheaper than on BigInt.
 */
function gcd(a: bigint, b: bigint): bigint {
  if (a <= SAFE && b <= SAFE) {
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) {
      const t = x % y;
      x = y;
      y = t;
    }
    return x === 0 ? 1n : BigInt(x);
  }
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a === 0n ? 1n : a;
}

/** The number of bits of x > 0. */
function bitLength(x: bigint): number {
  const hex = x.toString(16);
  return 4 * hex.length - (Math.clz32(Number.parseInt(hex[0] as string, 16)) - 28);
}

/** x × 2^k, in steps that neither overflow nor underflow before the result does. */
function timesPowerOfTwo(x: number, k: number): number {
  let r = x;
  let left = k;
  while (left > 1000) {
    r *= 2 ** 1000;
    left -= 1000;
  }
  while (left < -1000) {
    r *= 2 ** -1000;
    left += 1000;
  }
  return r * 2 ** left;
}
