import { expect } from 'vitest';
import './specs/gelu.js';
import { bf16_gelu, f16_gelu, f32_gelu } from '../../src/math/gelu.js';
import { restore } from '../support/exhaustive.js';
import { hex } from '../support/harness.js';
import * as E from './bigref/erf.js';
import { F32 } from './reference.js';
import { normalTail } from './specs/erf.js';
import { erfFamilySuite, f32MismatchesBothTininess } from './support/erf.js';
import { expectF32Specials, f32Bits, f32Value } from './support.js';

erfFamilySuite({
  fn: 'gelu',
  ops: { f32: f32_gelu, f16: f16_gelu, bf16: bf16_gelu },
  regions: [
    [-1, 1],
    [-6, 6],
    [0.6, 0.8],
    [-0.8, -0.6],
    [5, 5.5],
    [-14.375, -6],
    [-14.375, -13],
    [-(2 ** -20), 2 ** -20],
  ],
  special: {
    title: 'f32: special values, tiny arguments and results through the subnormals, every mode and tininess',
    run: () => {
      expectF32Specials(f32_gelu, [
        [0x00000000, 0x00000000, 0],
        [0x80000000, 0x80000000, 0],
        [0x7f800000, 0x7f800000, 0],
        // gelu(−∞) = −0: x·Φ(x) < 0 for every x < 0 and tends to 0 from below.
        [0xff800000, 0x80000000, 0],
        [0x7fc01234, 0x7fc01234, 0],
        [0x7f800001, 0x7fc00001, 0x10],
        [0x7f7fffff, 0x7f7fffff, 0x01],
      ]);
      restore();
      // Subnormal x (x/2 exact or a midpoint, nudged up), the tiny threshold 2^-25, the ends of the series (1/√2) and of
      // the table (5.5), and gelu(x) falling through the subnormals down to −14.375.
      const words: number[] = [];
      for (let i = 1; i < 2000; i++) {
        words.push(i, 0x80000000 + i * 4099, 0x33000000 - 1000 + i, 0xb3000000 - 1000 + i);
        words.push(0x3f3504f3 - 1000 + i, 0xbf3504f3 - 1000 + i, 0x40b00000 - 1000 + i);
        words.push(f32Bits(-13.1) + i * 97, 0xc1660000 - 1000 + i);
      }
      expect(f32MismatchesBothTininess('gelu', f32_gelu, words)).toEqual([]);
      expect(hex(F32, f32_gelu(0xc1660000))).toBe(hex(F32, 0x80000000));
      expect(f32Value(f32_gelu(f32Bits(6)))).toBe(6);
    },
  },
  // Words of [−14.5, 6].
  sampleWord: (next, i) => (i % 2 === 0 ? (0x80000000 + (next() % 0x41680000)) >>> 0 : next() % 0x40c00000),
  // gelu(x) = x·Φ(x), with Φ(x) = Q(−x) below zero and 1 − Q(x) above (Q = 1 − Φ, the tail the spec computes).
  double: (x) => (x < 0 ? x * normalTail(-x) : x * (1 - normalTail(x))),
  exact: E.gelu,
});
