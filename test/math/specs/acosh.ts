/** Reference of acosh: BigInt ln(1 + d + √(d(2 + d))), d = x − 1 (bigref/hyperbolic.ts); Math.acosh otherwise. */
import { INVALID } from '../../reference/exact.js';
import { propagateFast } from '../../reference/fast.js';
import * as H from '../bigref/hyperbolic.js';
import { defineSpec, mag, res, settled } from '../reference.js';

defineSpec('acosh', {
  // Not `positive`: acosh(1) = +0 is exact, not an underflow.
  dbl: Math.acosh,
  precise: (_d, x) => settled(H.acosh(x)),
  special: (fmt, d) => {
    if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
    if (d.sign || d.kind === 'zero' || (d.kind === 'finite' && mag(d) < 1)) return res(fmt.defaultNaN, INVALID);
    if (d.kind === 'inf') return res(fmt.posInf);
    // acosh(1) = +0 exactly.
    if ((d.m & (d.m - 1n)) === 0n && mag(d) === 1) return res(0);
    return null;
  },
});
