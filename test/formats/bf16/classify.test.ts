/** bf16 classification predicates and sign operations on all 65,536 words. */
import {
  bf16_isFinite,
  bf16_isInfinite,
  bf16_isNaN,
  bf16_isNormal,
  bf16_isSignalingNaN,
  bf16_isSignMinus,
  bf16_isSubnormal,
  bf16_isZero,
} from '../../../src/formats/bf16/classify.js';
import { bf16_abs, bf16_copySign, bf16_negate } from '../../../src/formats/bf16/sign.js';
import { BF16 } from '../../reference/exact.js';
import { classifySuite } from '../../support/suites.js';

function* words(): Generator<number> {
  for (let w = 0; w < 0x10000; w++) yield w;
}

classifySuite(
  BF16,
  {
    isZero: bf16_isZero,
    isSubnormal: bf16_isSubnormal,
    isNormal: bf16_isNormal,
    isInfinite: bf16_isInfinite,
    isNaN: bf16_isNaN,
    isSignalingNaN: bf16_isSignalingNaN,
    isFinite: bf16_isFinite,
    isSignMinus: bf16_isSignMinus,
    negate: bf16_negate,
    abs: bf16_abs,
    copySign: bf16_copySign,
  },
  words(),
  'every word',
);
