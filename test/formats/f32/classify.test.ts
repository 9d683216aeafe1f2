/** binary32 classification predicates and sign operations: every special word, every exponent, random words. */
import fc from 'fast-check';
import {
  f32_isFinite,
  f32_isInfinite,
  f32_isNaN,
  f32_isNormal,
  f32_isSignalingNaN,
  f32_isSignMinus,
  f32_isSubnormal,
  f32_isZero,
} from '../../../src/formats/f32/classify.js';
import { f32_abs, f32_copySign, f32_negate } from '../../../src/formats/f32/sign.js';
import { F32 } from '../../reference/exact.js';
import { floatArb, specialWords } from '../../support/arbitraries.js';
import { classifySuite } from '../../support/suites.js';

function* words(): Generator<number> {
  yield* specialWords(F32);
  // every exponent field with fractions 0, 1, the quiet bit and all ones, both signs
  for (let e = 0; e < 256; e++) {
    for (const f of [0, 1, 0x200000, 0x3fffff, 0x400000, 0x400001, 0x7fffff]) {
      const w = e * 2 ** 23 + f;
      yield w;
      yield w + 0x80000000;
    }
  }
  yield* fc.sample(floatArb(F32), { numRuns: 20000, seed: 1 });
}

classifySuite(
  F32,
  {
    isZero: f32_isZero,
    isSubnormal: f32_isSubnormal,
    isNormal: f32_isNormal,
    isInfinite: f32_isInfinite,
    isNaN: f32_isNaN,
    isSignalingNaN: f32_isSignalingNaN,
    isFinite: f32_isFinite,
    isSignMinus: f32_isSignMinus,
    negate: f32_negate,
    abs: f32_abs,
    copySign: f32_copySign,
  },
  words(),
  'special words, every exponent and 20000 random words',
);
