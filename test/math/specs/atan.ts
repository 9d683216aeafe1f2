/**
 * Reference of atan: Math.atan as the fast path, the BigInt atan of bigref/atan.ts for the rest. Tiny |x|: atan x
 * lies strictly below |x| by less than |x|³/3, which for |x| < 2^-200 is below 2^-400 relative, so the reference is
 * "just below |x|" there (bigref.settle could not separate it from x).
 */
import { propagateFast } from '../../reference/fast.js';
import * as B from '../bigref.js';
import { HALF_PI, atan } from '../bigref/atan.js';
import { defineSpec, mag, res, settled, type Precise } from '../reference.js';

/** Strictly between |a| − 2^-240·|a| and |a|, for an exact a of fewer than 240 bits. */
export function justBelow(sign: number, a: B.BF): Precise {
  const m = a.m < 0n ? -a.m : a.m;
  const sh = 240 - B.bitLength(m);
  return { sign, q: (m << BigInt(sh)) - 1n, E: a.e - sh, exact: false };
}

defineSpec('atan', {
  dbl: Math.atan,
  pair: (x) => (Math.abs(x) < 2 ** -12 ? [x, (-x * x * x) / 3, -Math.sign(x)] : null),
  precise: (d, x) => {
    if (d.kind === 'inf') return settled(d.sign ? B.neg(HALF_PI) : HALF_PI);
    if (mag(d) < -200) return justBelow(d.sign, x);
    return settled(atan(x));
  },
  special: (fmt, d) => {
    if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
    if (d.kind === 'zero') return res(d.bits);
    return null;
  },
});
