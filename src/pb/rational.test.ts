/**
 * Rational arithmetic against its definition: every result equals the cross-multiplied
 * fraction reduced by its gcd, in lowest terms with a positive denominator (0 as 0/1), so
 * that equal values have equal fields, which the engine relies on (`den === den`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { floorToDouble } from './mes-run.js';
import { Rational, RationalSum } from './rational.js';

const abs = (x: bigint) => (x < 0n ? -x : x);
const slowGcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : slowGcd(b, a % b));

/** The reference: n/d reduced, as a string (0 as "0"). */
function reduced(n: bigint, d: bigint): string {
  if (d < 0n) return reduced(-n, -d);
  if (n === 0n) return '0';
  const g = slowGcd(abs(n), d);
  return d / g === 1n ? `${n / g}` : `${n / g}/${d / g}`;
}

// Small and large parts (around and above 2^53, where the gcd leaves doubles for BigInt),
// with shared factors so that reductions happen.
const part = fc.oneof(
  fc.bigInt({ min: -50n, max: 50n }),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
  fc
    .tuple(fc.bigInt({ min: -1000n, max: 1000n }), fc.constantFrom(6n, 2n ** 40n, 3n ** 40n))
    .map(([a, k]) => a * k),
);
const positive = part.map((x) => (x === 0n ? 1n : abs(x)));
const rational = fc.tuple(part, positive).map(([n, d]) => ({ r: Rational.of(n, d), n, d }));

function assertLowest(r: Rational): void {
  assert.ok(r.den > 0n, `${r} has a positive denominator`);
  assert.equal(slowGcd(abs(r.num), r.den), r.num === 0n ? r.den : 1n, `${r} is in lowest terms`);
  if (r.num === 0n) assert.equal(r.den, 1n, '0 is 0/1');
}

test('add, sub, mul, div and cmp give the reduced fraction of their definition', () => {
  fc.assert(
    fc.property(rational, rational, (x, y) => {
      const { n: a, d: b } = x;
      const { n: c, d: e } = y;
      for (const r of [x.r, y.r]) assertLowest(r);
      const cases: [Rational, string][] = [
        [x.r.add(y.r), reduced(a * e + c * b, b * e)],
        [x.r.sub(y.r), reduced(a * e - c * b, b * e)],
        [x.r.mul(y.r), reduced(a * c, b * e)],
      ];
      if (c !== 0n) cases.push([x.r.div(y.r), reduced(a * e, b * c)]);
      for (const [got, want] of cases) {
        assertLowest(got);
        assert.equal(got.toString(), want);
      }
      const l = a * e;
      const r = c * b;
      assert.equal(x.r.cmp(y.r), l < r ? -1 : l > r ? 1 : 0);
    }),
    { numRuns: 2000 },
  );
});

test('a running sum equals the sum added one by one', () => {
  fc.assert(
    fc.property(fc.array(rational, { maxLength: 30 }), (xs) => {
      const sum = new RationalSum();
      let plain = Rational.ZERO;
      for (const { r } of xs) {
        sum.add(r);
        plain = plain.add(r);
      }
      const got = sum.value();
      assertLowest(got);
      assert.equal(got.toString(), plain.toString());
    }),
    { numRuns: 1000 },
  );
});

test('dividing by zero is refused', () => {
  assert.throws(() => Rational.of(1n).div(Rational.ZERO), RangeError);
  assert.throws(() => Rational.of(1n, 0n), RangeError);
});

test('toNumber gives the nearest double at every magnitude', () => {
  // Budgets of 1e300 once read as Infinity and quotients near 1e-13 lost most of their
  // bits (the quotient was scaled by a fixed 2^60), which changed outcomes.
  assert.equal(Rational.fromNumber(1e300).div(Rational.of(4n)).toNumber(), 2.5e299);
  assert.equal(Rational.fromNumber(1e-12).div(Rational.of(4n)).toNumber(), 2.5e-13);
  assert.equal(Rational.of(-(10n ** 400n), 3n).toNumber(), Number.NEGATIVE_INFINITY);
  // A decimal read from a double reads back as that double (normal doubles: below 2^-1022
  // the scaling rounds a second time).
  fc.assert(
    fc.property(
      fc
        .double({ noNaN: true, noDefaultInfinity: true })
        .filter((x) => x === 0 || Math.abs(x) >= 2 ** -1022),
      (x) => {
        // (+ 0: a rational has no negative zero.)
        assert.equal(Rational.fromNumber(x).toNumber() + 0, x + 0);
      },
    ),
    { numRuns: 3000 },
  );
  // For integers below 2^53 the division of doubles is the correctly rounded quotient.
  const safe = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
  fc.assert(
    fc.property(
      safe,
      safe.filter((d) => d !== 0),
      (n, d) => {
        assert.equal(Rational.of(BigInt(n), BigInt(d)).toNumber() + 0, n / d + 0);
      },
    ),
    { numRuns: 3000 },
  );
});

test('floorToDouble never rounds a distance up, at any size', () => {
  // add1 jumps by whole steps below a tracked run's distance: a double above the exact
  // distance would skip the budget where the outcome changes.
  const exactValue = (f: number) =>
    Number.isInteger(f) ? Rational.of(BigInt(f)) : Rational.of(BigInt(f * 2 ** 20), 2n ** 20n);
  // Quotients of every size, 2^-60 to 2^200.
  const part = fc.bigInt({ min: 1n, max: 2n ** 60n });
  const quotient = fc
    .tuple(part, part, fc.integer({ min: 0, max: 200 }))
    .map(([n, d, k]) => Rational.of(n << BigInt(k), d));
  fc.assert(
    fc.property(quotient, (t) => {
      const f = floorToDouble(t);
      assert.ok(exactValue(f).cmp(t) <= 0, `${f} > ${t}`);
      // And close below: less than one unit under 2^53, one part in 2^52 above.
      const slack = t.sub(exactValue(f)).toNumber();
      assert.ok(slack < Math.max(1, t.toNumber() * 2 ** -52), `${f} ≪ ${t}`);
    }),
    { numRuns: 3000 },
  );
});

test('fromDecimal reads a decimal exactly; fromNumber is the double’s shortest decimal', () => {
  const same = (r: Rational | undefined, num: bigint, den: bigint) =>
    assert.ok(r && r.num === num && r.den === den, `${r} is not ${num}/${den}`);
  same(Rational.fromDecimal('-12.50'), -25n, 2n);
  same(Rational.fromDecimal('.5'), 1n, 2n);
  same(Rational.fromDecimal('3e-7'), 3n, 10_000_000n);
  same(Rational.fromDecimal('2.5E+2'), 250n, 1n);
  same(Rational.fromDecimal('1e-400'), 1n, 10n ** 400n);
  for (const bad of ['', '.', '-', '1,5', '1e', 'e5', 'Infinity', '0x10'])
    assert.equal(Rational.fromDecimal(bad), undefined, bad);
  same(Rational.fromNumber(0.1), 1n, 10n);
  same(Rational.fromNumber(2.5e23), 250000000000000000000000n, 1n);
  same(Rational.fromNumber(-1e-7), -1n, 10_000_000n);
});
