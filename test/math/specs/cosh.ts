/** Reference of cosh: BigInt (e^|x| + e^-|x|)/2 (bigref/hyperbolic.ts), Math.cosh for the fast path. */
import { propagateFast } from '../../reference/fast.js';
import * as H from '../bigref/hyperbolic.js';
import { HUGE, defineSpec, mag, one, res, settled } from '../reference.js';

defineSpec('cosh', {
  overflows: true,
  positive: true,
  dbl: Math.cosh,
  pair: (x) => (Math.abs(x) < 2 ** -12 ? [1, (x * x) / 2, 1] : null),
  precise: (d, x) => (mag(d) > 10 ? HUGE(0) : settled(H.cosh(x))),
  special: (fmt, d) => {
    if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
    if (d.kind === 'inf') return res(fmt.posInf);
    if (d.kind === 'zero') return res(one(fmt));
    return null;
  },
});
