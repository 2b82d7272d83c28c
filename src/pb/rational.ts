/**
 * Exact rational numbers on BigInt, used to settle decisions that floats cannot
 * decide safely (near-ties in MES and Phragmén) and by the exact reference engine.
 */
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
    const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
    if (!m) throw new RangeError(`cannot read ${x} as a decimal`);
    const frac = m[3] ?? '';
    let num = BigInt((m[2] ?? '0') + frac);
    let den = 10n ** BigInt(frac.length);
    const exp = Number(m[4] ?? '0');
    if (exp > 0) num *= 10n ** BigInt(exp);
    else if (exp < 0) den *= 10n ** BigInt(-exp);
    return Rational.of(m[1] === '-' ? -num : num, den);
  }

  add(o: Rational): Rational {
    if (this.den === o.den) return Rational.of(this.num + o.num, this.den);
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    if (this.den === o.den) return Rational.of(this.num - o.num, this.den);
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    return Rational.of(this.num * o.den, this.den * o.num);
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
  toNumber(): number {
    // Scale before dividing so huge numerators and denominators keep their precision.
    const shift = 60n;
    return Number((this.num << shift) / this.den) / 2 ** 60;
  }
  toString(): string {
    return this.den === 1n ? `${this.num}` : `${this.num}/${this.den}`;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a === 0n ? 1n : a;
}
