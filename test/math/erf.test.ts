import { expect } from 'vitest';
import './specs/erf.js';
import { bf16_erf, f16_erf, f32_erf } from '../../src/math/erf.js';
import { restore } from '../support/exhaustive.js';
import { hex } from '../support/harness.js';
import * as E from './bigref/erf.js';
import { F32 } from './reference.js';
import { erfD } from './specs/erf.js';
import { erfFamilySuite, f32MismatchesBothTininess } from './support/erf.js';
import { expectF32Specials, f32Bits, f32Value } from './support.js';

erfFamilySuite({
  fn: 'erf',
  ops: { f32: f32_erf, f16: f16_erf, bf16: bf16_erf },
  regions: [
    [-(2 ** -6), 2 ** -6],
    [-0.5, 0.5],
    [0.5, 4],
    [-4, -0.5],
    [3.5, 4],
    [-1e-38, 1e-38],
  ],
  special: {
    title: 'f32: special values and tiny arguments, every mode and tininess',
    run: () => {
      expectF32Specials(f32_erf, [
        [0x00000000, 0x00000000, 0],
        [0x80000000, 0x80000000, 0],
        [0x7f800000, 0x3f800000, 0],
        [0xff800000, 0xbf800000, 0],
        [0x7fc01234, 0x7fc01234, 0],
        [0x7f800001, 0x7fc00001, 0x10],
      ]);
      restore();
      // erf x ≈ (2/√π)·x, not x: the subnormals and the smallest normals, and words around the series' end (1/2) and
      // the saturation threshold (4).
      const words: number[] = [];
      for (let i = 1; i < 3000; i++) {
        words.push(i, 0x80000000 + i * 2791, 0x00800000 + i * 977, 0x3effff00 + i, 0x407ff000 + i);
      }
      expect(f32MismatchesBothTininess('erf', f32_erf, words)).toEqual([]);
      expect(hex(F32, f32_erf(f32Bits(4)))).toBe(hex(F32, 0x3f800000));
      expect(f32Value(f32_erf(1))).toBe(2 ** -149);
    },
  },
  // Words of [0, 4.5].
  sampleWord: (next) => next() % 0x40900000,
  double: erfD,
  exact: E.erf,
});
