/** Reference of acos: Math.acos as the fast path, the BigInt acos of bigref/atan.ts for the rest; acos(1) = +0. */
import { propagateFast } from '../../reference/fast.js';
import { INVALID } from '../../reference/exact.js';
import { PI, acos } from '../bigref/atan.js';
import { defineSpec, mag, res, settled } from '../reference.js';

defineSpec('acos', {
  dbl: Math.acos,
  precise: (d, x) => (d.sign && mag(d) === 1 ? settled(PI) : settled(acos(x))),
  special: (fmt, d) => {
    if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
    const aboveOne = mag(d) > 1 || (mag(d) === 1 && (d.m & (d.m - 1n)) !== 0n);
    if (d.kind === 'inf' || aboveOne) return res(fmt.defaultNaN, INVALID);
    if (d.kind === 'finite' && !d.sign && mag(d) === 1) return res(0);
    return null;
  },
});
