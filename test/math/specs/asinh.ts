/** Reference of asinh: BigInt ln(1 + |x| + x²/(1 + √(1 + x²))) (bigref/hyperbolic.ts), Math.asinh for the fast path. */
import { propagateFast } from '../../reference/fast.js';
import * as H from '../bigref/hyperbolic.js';
import { defineSpec, res, settled } from '../reference.js';

defineSpec('asinh', {
  dbl: Math.asinh,
  pair: (x) => (Math.abs(x) < 2 ** -12 ? [x, (-x * x * x) / 6, -Math.sign(x)] : null),
  precise: (_d, x) => settled(H.asinh(x)),
  special: (fmt, d) => {
    if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
    if (d.kind === 'inf' || d.kind === 'zero') return res(d.bits);
    return null;
  },
});
