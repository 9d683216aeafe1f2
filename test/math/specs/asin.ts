/**
 * Reference of asin: Math.asin as the fast path, the BigInt asin of bigref/atan.ts for the rest. Tiny |x|: asin x
 * lies strictly above |x| by less than |x|³/3, so for |x| < 2^-200 the reference is "just above |x|".
 */
import { propagateFast } from '../../reference/fast.js';
import { INVALID } from '../../reference/exact.js';
import { asin } from '../bigref/atan.js';
import { defineSpec, justAbove, mag, res, settled } from '../reference.js';

defineSpec('asin', {
  dbl: Math.asin,
  pair: (x) => (Math.abs(x) < 2 ** -12 ? [x, (x * x * x) / 6, Math.sign(x)] : null),
  precise: (d, x) => (mag(d) < -200 ? justAbove(d.sign, x) : settled(asin(x))),
  special: (fmt, d) => {
    if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
    if (d.kind === 'zero') return res(d.bits);
    // |x| > 1: mag(x) > 1, or mag 1 without being a power of two.
    const aboveOne = mag(d) > 1 || (mag(d) === 1 && (d.m & (d.m - 1n)) !== 0n);
    if (d.kind === 'inf' || aboveOne) return res(fmt.defaultNaN, INVALID);
    return null;
  },
});
