import { expect } from 'vitest';
import './specs/erfc.js';
import { bf16_erfc, f16_erfc, f32_erfc } from '../../src/math/erfc.js';
import { restore } from '../support/exhaustive.js';
import { hex } from '../support/harness.js';
import * as E from './bigref/erf.js';
import { F32 } from './reference.js';
import { erfcD } from './specs/erf.js';
import { erfFamilySuite, f32MismatchesBothTininess } from './support/erf.js';
import { expectF32Specials, f32Bits } from './support.js';

erfFamilySuite({
  fn: 'erfc',
  ops: { f32: f32_erfc, f16: f16_erfc, bf16: bf16_erfc },
  regions: [
    [-(2 ** -6), 2 ** -6],
    [-0.5, 0.5],
    [0.4, 4],
    [-4, -0.4],
    [4, 9],
    [9, 10.1],
    [-(2 ** -20), 2 ** -20],
  ],
  special: {
    title: 'f32: special values, tiny arguments and results through the subnormals, every mode and tininess',
    run: () => {
      expectF32Specials(f32_erfc, [
        [0x00000000, 0x3f800000, 0],
        [0x80000000, 0x3f800000, 0],
        [0x7f800000, 0x00000000, 0],
        [0xff800000, 0x40000000, 0],
        [0x7fc01234, 0x7fc01234, 0],
        [0x7f800001, 0x7fc00001, 0x10],
      ]);
      restore();
      // Around the tiny threshold (2^-26), the series' end (1/2), −4, and erfc falling through the subnormals to the
      // saturation threshold 10.0625 (underflow flags in both tininess modes).
      const words: number[] = [];
      for (let i = 0; i < 2000; i++) {
        words.push(0x32800000 - 1000 + i, 0xb2800000 - 1000 + i, 0x3effff00 + i, 0xbeffff00 + i, 0xc07ff000 + i);
        words.push(f32Bits(9.1) + i * 89, 0x41210000 - 1000 + i);
      }
      expect(f32MismatchesBothTininess('erfc', f32_erfc, words)).toEqual([]);
      expect(f32_erfc(0x41210000)).toBe(0);
      expect(hex(F32, f32_erfc(0xc0800000))).toBe(hex(F32, 0x40000000));
    },
  },
  // Words of [−4, 10.5].
  sampleWord: (next, i) => (i % 3 === 0 ? (0x80000000 + (next() % 0x40800000)) >>> 0 : next() % 0x41280000),
  double: erfcD,
  exact: E.erfc,
});
