/** Reference of sinh: BigInt (u + u/(u + 1))/2, u = e^|x| − 1 (bigref/hyperbolic.ts); Math.sinh for the fast path. */
import { propagateFast } from '../../reference/fast.js';
import * as H from '../bigref/hyperbolic.js';
import { HUGE, defineSpec, mag, res, settled } from '../reference.js';

defineSpec('sinh', {
  overflows: true,
  dbl: Math.sinh,
  pair: (x) => (Math.abs(x) < 2 ** -12 ? [x, (x * x * x) / 6, Math.sign(x)] : null),
  // |x| >= 1024 is far past the overflow threshold of every format.
  precise: (d, x) => (mag(d) > 10 ? HUGE(d.sign) : settled(H.sinh(x))),
  special: (fmt, d) => {
    if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
    if (d.kind === 'inf' || d.kind === 'zero') return res(d.bits);
    return null;
  },
});
