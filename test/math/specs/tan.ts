/** Reference of tan: Math.tan where it decides, else the BigInt sin/cos quotient of bigref/trig.ts. */
import { INVALID } from '../../reference/exact.js';
import { propagateFast } from '../../reference/fast.js';
import * as B from '../bigref.js';
import * as T from '../bigref/trig.js';
import { defineSpec, res, settled } from '../reference.js';

defineSpec('tan', {
  dbl: Math.tan,
  pair: (x) => (Math.abs(x) < 2 ** -12 ? [x, (x * x * x) / 3, Math.sign(x)] : null),
  precise: (_d, x) => {
    const [s, c] = T.sinCos(x);
    return settled(B.div(s, c));
  },
  special: (fmt, d) => {
    if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
    if (d.kind === 'inf') return res(fmt.defaultNaN, INVALID);
    if (d.kind === 'zero') return res(d.bits);
    return null;
  },
});
