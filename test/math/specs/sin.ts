/** Reference of sin: Math.sin where it decides, else the BigInt sine of bigref/trig.ts. */
import { INVALID } from '../../reference/exact.js';
import { propagateFast } from '../../reference/fast.js';
import * as T from '../bigref/trig.js';
import { defineSpec, res, settled } from '../reference.js';

defineSpec('sin', {
  dbl: Math.sin,
  pair: (x) => (Math.abs(x) < 2 ** -12 ? [x, (-x * x * x) / 6, -Math.sign(x)] : null),
  precise: (_d, x) => settled(T.sin(x)),
  special: (fmt, d) => {
    if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
    if (d.kind === 'inf') return res(fmt.defaultNaN, INVALID);
    if (d.kind === 'zero') return res(d.bits);
    return null;
  },
});
