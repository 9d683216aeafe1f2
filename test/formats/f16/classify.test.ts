/** f16 classification predicates and sign operations on all 65,536 words. */
import {
  f16_isFinite,
  f16_isInfinite,
  f16_isNaN,
  f16_isNormal,
  f16_isSignalingNaN,
  f16_isSignMinus,
  f16_isSubnormal,
  f16_isZero,
} from '../../../src/formats/f16/classify.js';
import { f16_abs, f16_copySign, f16_negate } from '../../../src/formats/f16/sign.js';
import { F16 } from '../../reference/exact.js';
import { classifySuite } from '../../support/suites.js';

function* words(): Generator<number> {
  for (let w = 0; w < 0x10000; w++) yield w;
}

classifySuite(
  F16,
  {
    isZero: f16_isZero,
    isSubnormal: f16_isSubnormal,
    isNormal: f16_isNormal,
    isInfinite: f16_isInfinite,
    isNaN: f16_isNaN,
    isSignalingNaN: f16_isSignalingNaN,
    isFinite: f16_isFinite,
    isSignMinus: f16_isSignMinus,
    negate: f16_negate,
    abs: f16_abs,
    copySign: f16_copySign,
  },
  words(),
  'every word',
);
