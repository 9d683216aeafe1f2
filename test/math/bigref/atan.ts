/**
 * BigInt references of the inverse trigonometric functions: atan of a BF value, asin and acos of exact values, and
 * atan2 of two exact values, independent of src/.
 *
 * atan of a fixed value 0 <= x <= 1 (900 fraction bits): up to eight argument halvings
 * atan x = 2·atan(x/(1 + √(1 + x²))) bring x below 2^-7, then the odd series (at most about 64 terms); each step
 * truncates, so the result is within 2^-880. Larger |x| use atan x = π/2 − atan(1/x) (π from pi.ts, within
 * 2^-620); |x| < 2^-64 uses the series in BF arithmetic (relative precision, 10 terms). The identities for the
 * others are not the ones src/ uses: asin x = 2·atan(x/(1 + √(1 − x²))), acos x = 2·atan(√((1 − x)/(1 + x))), atan2
 * from atan of the exact ratio. Results are within 2^-600 relative, well inside what bigref.settle demands
 * (2^-560).
 */
import { BF_ONE, add, bf, bitLength, div, isqrt, mul, neg, sub, type BF } from '../bigref.js';
import { PI } from './pi.js';

const FP = 900;
const FONE = 1n << BigInt(FP);

export const HALF_PI: BF = { m: PI.m, e: PI.e - 1 };
export { PI };

/** |a| as a fixed value at 2^-FP, truncated. */
function toFixed(a: BF): bigint {
  const m = a.m < 0n ? -a.m : a.m;
  const sh = a.e + FP;
  return sh >= 0 ? m << BigInt(sh) : m >> BigInt(-sh);
}

/** atan of the fixed value x in [0, FONE]. */
function atanFixed(x: bigint): bigint {
  let k = 0;
  for (; k < 8 && x > FONE >> 7n; k++) {
    const s = isqrt(FONE * FONE + x * x);
    x = (x * FONE) / (FONE + s);
  }
  const x2 = (x * x) >> BigInt(FP);
  let term = x;
  let sum = 0n;
  for (let i = 1n; term !== 0n; i += 2n) {
    sum += (i & 2n) === 0n ? term / i : -(term / i);
    term = (term * x2) >> BigInt(FP);
  }
  return sum << BigInt(k);
}

/** atan a for any BF a. */
export function atan(a: BF): BF {
  if (a.m === 0n) return a;
  const negative = a.m < 0n;
  const abs: BF = { m: negative ? -a.m : a.m, e: a.e };
  const L = bitLength(abs.m) + abs.e; // |a| in [2^(L-1), 2^L)
  let r: BF;
  if (L > 1 || (L === 1 && (abs.m & (abs.m - 1n)) !== 0n)) {
    // |a| > 1.
    r = sub(HALF_PI, atan(div(BF_ONE, abs)));
  } else if (L < -64) {
    // a − a³/3 + a⁵/5 − … with a² < 2^-128: ten terms leave a relative 2^-1400.
    const a2 = mul(abs, abs);
    let pw = abs;
    let sum: BF = { m: 0n, e: 0 };
    for (let i = 1; i <= 19; i += 2) {
      const term = div(pw, { m: BigInt(i), e: 0 });
      sum = add(sum, (i & 2) === 0 ? term : neg(term));
      pw = mul(pw, a2);
    }
    r = sum;
  } else {
    r = bf(atanFixed(toFixed(abs)), -FP);
  }
  return negative ? neg(r) : r;
}

/** √w for a BF w > 0, to about 800 bits. */
export function sqrt(w: BF): BF {
  let m = w.m;
  let e = w.e;
  // Scale m to about 1600 bits with an even exponent.
  let sh = 1600 - bitLength(m);
  if ((e - sh) % 2 !== 0) sh++;
  m = sh >= 0 ? m << BigInt(sh) : m >> BigInt(-sh);
  e -= sh;
  return bf(isqrt(m), e / 2);
}

/** asin x for an exact |x| <= 1 (x ≠ ±1 is not required: asin ±1 = ±π/2). */
export function asin(x: BF): BF {
  const w = sub(BF_ONE, mul(x, x));
  if (w.m === 0n) return x.m < 0n ? neg(HALF_PI) : HALF_PI;
  const t = div(x, add(BF_ONE, sqrt(w)));
  const a = atan(t);
  return { m: a.m, e: a.e + 1 };
}

/** acos x for an exact −1 < x <= 1. */
export function acos(x: BF): BF {
  const num = sub(BF_ONE, x);
  if (num.m === 0n) return { m: 0n, e: 0 };
  const a = atan(sqrt(div(num, add(BF_ONE, x))));
  return { m: a.m, e: a.e + 1 };
}

/**
 * atan2(y, x) for exact finite y, x, not both zero. For x > 0 and |y/x| < 2^-200 the caller should use the quotient
 * itself (atan q is within q·2^-400 below it; see the spec).
 */
export function atan2(y: BF, x: BF): BF {
  const ay: BF = { m: y.m < 0n ? -y.m : y.m, e: y.e };
  const ax: BF = { m: x.m < 0n ? -x.m : x.m, e: x.e };
  let r: BF;
  if (ax.m === 0n) r = HALF_PI;
  else if (ay.m === 0n) r = { m: 0n, e: 0 };
  else if (cmpAbs(ay, ax) <= 0) r = atan(div(ay, ax));
  else r = sub(HALF_PI, atan(div(ax, ay)));
  if (x.m < 0n) r = sub(PI, r);
  return y.m < 0n ? neg(r) : r;
}

/** Sign of |a| − |b| for a, b > 0. */
export function cmpAbs(a: BF, b: BF): number {
  const e = Math.min(a.e, b.e);
  const am = a.m << BigInt(a.e - e);
  const bm = b.m << BigInt(b.e - e);
  return am < bm ? -1 : am > bm ? 1 : 0;
}
