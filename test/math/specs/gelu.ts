/**
 * Reference of gelu(x) = x·Φ(x) (doubles from specs/erf.ts, BigInt values from bigref/erf.ts).
 *
 * Far out: for x >= 32, x − gelu(x) = x·(1 − Φ(x)) < x·2^-739, so gelu(x) lies strictly between x − x·2^-240 and x;
 * for x <= −15, |gelu(x)| < 2^-160 is below half the least subnormal of every format and rounds like −TINY.
 * gelu(−∞) = −0 (the limit from below).
 */
import { propagateFast } from '../../reference/fast.js';
import * as E from '../bigref/erf.js';
import { bitLength } from '../bigref.js';
import { TINY, defineSpec, mag, res, settled } from '../reference.js';
import { INV_SQRT_2PI, normalTail } from './erf.js';

defineSpec('gelu', {
  dbl: (x) => (x < 0 ? x * normalTail(-x) : x * (1 - normalTail(x))),
  pair: (x) =>
    Math.abs(x) < 2 ** -20 ? [x / 2, x * x * INV_SQRT_2PI, 1] : x > 3 ? [x, -x * normalTail(x), -1] : null,
  precise: (d, x) => {
    if (d.sign === 0 && mag(d) >= 6) {
      const sh = 240 - bitLength(d.m);
      return { sign: 0, q: (d.m << BigInt(sh)) - 1n, E: d.e - sh, exact: false };
    }
    if (d.sign !== 0 && (d.e >= 0 ? d.m << BigInt(d.e) >= 15n : d.m >= 15n << BigInt(-d.e))) return TINY(1);
    return settled(E.gelu(x));
  },
  special: (fmt, d) => {
    if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
    if (d.kind === 'inf') return res(d.sign ? fmt.signBit : fmt.posInf);
    if (d.kind === 'zero') return res(d.bits);
    return null;
  },
});
