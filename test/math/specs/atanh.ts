/** Reference of atanh: BigInt ln(1 + 2|x|/(1 − |x|))/2 (bigref/hyperbolic.ts), Math.atanh for the fast path. */
import { INVALID } from '../../reference/exact.js';
import { propagateFast } from '../../reference/fast.js';
import * as H from '../bigref/hyperbolic.js';
import { defineSpec, mag, res, settled, signBitOf } from '../reference.js';

const INFINITE = 0x08;

defineSpec('atanh', {
  dbl: Math.atanh,
  pair: (x) => (Math.abs(x) < 2 ** -12 ? [x, (x * x * x) / 3, Math.sign(x)] : null),
  precise: (_d, x) => settled(H.atanh(x)),
  special: (fmt, d) => {
    if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
    if (d.kind === 'zero') return res(d.bits);
    if (d.kind === 'inf') return res(fmt.defaultNaN, INVALID);
    if (mag(d) >= 1) {
      // |x| >= 1: a pole at ±1, invalid beyond.
      const isOne = (d.m & (d.m - 1n)) === 0n && mag(d) === 1;
      return isOne ? res(signBitOf(fmt, d.sign) + fmt.posInf, INFINITE) : res(fmt.defaultNaN, INVALID);
    }
    return null;
  },
});
