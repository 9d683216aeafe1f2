/** Reference of cos: Math.cos where it decides, else the BigInt cosine of bigref/trig.ts. */
import { INVALID } from '../../reference/exact.js';
import { propagateFast } from '../../reference/fast.js';
import * as T from '../bigref/trig.js';
import { defineSpec, one, res, settled } from '../reference.js';

defineSpec('cos', {
  dbl: Math.cos,
  pair: (x) => (Math.abs(x) < 2 ** -12 ? [1, (-x * x) / 2, -1] : null),
  precise: (_d, x) => settled(T.cos(x)),
  special: (fmt, d) => {
    if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
    if (d.kind === 'inf') return res(fmt.defaultNaN, INVALID);
    if (d.kind === 'zero') return res(one(fmt));
    return null;
  },
});
