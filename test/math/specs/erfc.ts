/**
 * Reference of erfc (doubles from specs/erf.ts, BigInt values from bigref/erf.ts).
 *
 * Far out: erfc(x) for x >= 10.6 is below 2^-160, under half the least subnormal of every format, so it rounds like
 * TINY; for x <= −16, 2 − erfc|x| is within 2^-376 of 2, strictly between 2 − 2^-240 and 2.
 */
import { propagateFast } from '../../reference/fast.js';
import * as E from '../bigref/erf.js';
import { TINY, defineSpec, one, res, settled, type Precise } from '../reference.js';
import { TWO_OVER_SQRT_PI, erfcD } from './erf.js';

const TWO_MINUS_TINY: Precise = { sign: 0, q: (1n << 241n) - 1n, E: -240, exact: false };

/** m·2^e >= c. */
function atLeast(m: bigint, e: number, c: bigint): boolean {
  return e >= 0 ? m << BigInt(e) >= c : m >= c << BigInt(-e);
}

defineSpec('erfc', {
  positive: true,
  dbl: erfcD,
  pair: (x) =>
    Math.abs(x) < 2 ** -20 ? [1, -TWO_OVER_SQRT_PI * x, -Math.sign(x)] : x < -3 ? [2, -erfcD(-x), -1] : null,
  precise: (d, x) => {
    if (d.sign === 0 && atLeast(d.m * 10n, d.e, 106n)) return TINY(0);
    if (d.sign !== 0 && atLeast(d.m, d.e, 16n)) return TWO_MINUS_TINY;
    return settled(E.erfc(x));
  },
  special: (fmt, d) => {
    if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
    if (d.kind === 'inf') return res(d.sign ? one(fmt) + 2 ** (fmt.p - 1) : 0);
    if (d.kind === 'zero') return res(one(fmt));
    return null;
  },
});
