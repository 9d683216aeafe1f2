/**
 * Reference of atan2(y, x) (two operands, so not a defineSpec entry: the atan2 tests use this directly).
 *
 * The special-value table of IEEE 754-2019 §9.2.1 / C Annex F is written out here on its own; finite nonzero pairs
 * take Math.atan2 (correct to about an ulp of a double) rounded to the format when it is farther than 2^-40
 * (relative) from every rounding boundary, and the BigInt atan2 of bigref/atan.ts otherwise. For x > 0 and
 * |y/x| < 2^-200 the value is placed from the exact quotient instead: atan q lies below q by less than q³/3
 * (< 2^-400·q), so it is strictly between the same 240-bit cuts as q when the division leaves a remainder (q is then
 * at least 2^-(240+24+24)·q away from every cut), and just below q when it does not.
 */
import { BF16, F16, F32, decode, type Decoded, type Format, type Mode } from '../../reference/exact.js';
import { floorLog2, propagateFast, roundDouble, wordToDouble, type FastResult } from '../../reference/fast.js';
import * as B from '../bigref.js';
import { HALF_PI, PI, atan2 } from '../bigref/atan.js';
import { res, roundPrecise, settled, signBitOf, type Precise } from '../reference.js';

export { BF16, F16, F32 };

const QUARTER_PI: B.BF = { m: PI.m, e: PI.e - 2 };
const THREE_QUARTERS_PI: B.BF = B.add(HALF_PI, QUARTER_PI);

function signed(sign: number, a: B.BF): Precise {
  return settled(sign ? B.neg(a) : a);
}

/** The signed exact value of a finite decoded word. */
function valueOf(d: Decoded): B.BF {
  return { m: d.sign ? -d.m : d.m, e: d.e };
}

/** Results that are not roundings of a finite nonzero pair's value: NaNs, exact zeros. Else null. */
export function atan2Special(fmt: Format, dy: Decoded, dx: Decoded): FastResult | null {
  if (dy.kind === 'nan' || dx.kind === 'nan') return propagateFast(fmt, dy.bits, dx.bits);
  if (dy.kind !== 'inf' && (dx.kind === 'inf' || dy.kind === 'zero') && !dx.sign) return res(signBitOf(fmt, dy.sign));
  return null;
}

/** The value (exact or high-precision) of atan2 for every pair atan2Special leaves. */
export function atan2Precise(dy: Decoded, dx: Decoded): Precise {
  const s = dy.sign;
  if (dy.kind === 'inf') {
    if (dx.kind === 'inf') return signed(s, dx.sign ? THREE_QUARTERS_PI : QUARTER_PI);
    return signed(s, HALF_PI);
  }
  if (dx.kind === 'inf' || dy.kind === 'zero') return signed(s, PI); // x < 0 here
  if (dx.kind === 'zero') return signed(s, HALF_PI);
  const y = valueOf(dy);
  const x = valueOf(dx);
  if (!dx.sign && B.bitLength(dy.m) + dy.e - (B.bitLength(dx.m) + dx.e) < -200) {
    // q = |y|/|x| = dy.m/dx.m·2^(dy.e − dx.e), as Q·2^E with Q of about 240 bits.
    const sh = 240 + B.bitLength(dx.m) - B.bitLength(dy.m);
    const num = dy.m << BigInt(sh);
    const Q = num / dx.m;
    const exact = Q * dx.m === num;
    return { sign: s, q: exact ? Q - 1n : Q, E: dy.e - dx.e - sh, exact: false };
  }
  return settled(atan2(y, x));
}

/** Exact reference: the rounding of atan2(y, x) in `mode`. */
export function atan2Exact(fmt: Format, yBits: number, xBits: number, mode: Mode): FastResult {
  const dy = decode(fmt, yBits);
  const dx = decode(fmt, xBits);
  return atan2Special(fmt, dy, dx) ?? roundPrecise(fmt, atan2Precise(dy, dx), mode);
}

/** 2^i for i in -1100 … 1100, looked up rather than computed (the sweeps call halfUlps tens of millions of times). */
const POW2 = new Float64Array(2201);
for (let i = -1100; i <= 1100; i++) POW2[i + 1100] = 2 ** i;

/** |v| in half-ulps of fmt at v (finite, nonzero): rounding boundaries are the integers. */
function halfUlps(fmt: Format, v: number): number {
  const av = Math.abs(v);
  const L = Math.max(floorLog2(av), fmt.emin);
  return av * POW2[fmt.p - L + 1100]!;
}

function nearBoundary(fmt: Format, v: number): boolean {
  const av = Math.abs(v);
  if (!(av > 2 ** -900 && av < 2 ** 900)) return true;
  const h = halfUlps(fmt, v);
  return Math.abs(h - Math.round(h)) <= h * 2 ** -40;
}

const KIND = { zero: 0, finite: 1, inf: 2, nan: 3 } as const;

/**
 * A reference for many pairs. Finite nonzero pairs: Math.atan2 rounded when it is not within 2^-40 of a rounding
 * boundary; then, for x > 0 and |y/x| < 2^-14 with y/x (exact in a double) itself a boundary, atan2 lies below y/x
 * by less than (y/x)³/3 < 2^-29.5·|y/x|, and the next boundary toward zero is at least 2^-(p+2)·|y/x| >= 2^-26·|y/x|
 * away, so y/x nudged toward zero by 2^-45 of itself rounds the same (a double quotient that is a boundary is the
 * exact ratio: another ratio of p-bit significands is at least 2^-(2p+1) from every boundary, see src/math/atan2.ts);
 * otherwise the exact reference. Pairs with a zero or infinite operand are
 * memoized by the operands' classes and signs (their results do not depend on a finite operand's magnitude).
 */
export class Atan2Reference {
  private readonly memo = new Map<number, FastResult>();
  /** Pairs that needed the BigInt reference. */
  slow = 0;
  constructor(readonly fmt: Format) {}

  get(yBits: number, xBits: number, mode: Mode): FastResult {
    const fmt = this.fmt;
    const y = wordToDouble(fmt, yBits);
    const x = wordToDouble(fmt, xBits);
    if (y !== y || x !== x) return propagateFast(fmt, yBits, xBits);
    if (y !== 0 && x !== 0 && Number.isFinite(y) && Number.isFinite(x)) {
      const v = Math.atan2(y, x);
      if (!nearBoundary(fmt, v)) return roundDouble(fmt, v, mode);
      const q = y / x;
      if (x > 0 && Math.abs(q) < 2 ** -14 && q * x === y) {
        const h = halfUlps(fmt, q);
        if (h === Math.round(h)) return roundDouble(fmt, q - q * 2 ** -45, mode);
      }
      this.slow++;
      return atan2Exact(fmt, yBits, xBits, mode);
    }
    const dy = decode(fmt, yBits);
    const dx = decode(fmt, xBits);
    const key = ((((KIND[dy.kind] << 1) | dy.sign) << 3 | (KIND[dx.kind] << 1) | dx.sign) << 3) | mode;
    let r = this.memo.get(key);
    if (r === undefined) {
      r = atan2Exact(fmt, yBits, xBits, mode);
      this.memo.set(key, r);
    }
    return r;
  }
}
