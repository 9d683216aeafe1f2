/** f16 sqrt, roundToInt, scaleB, nextUp, nextDown, logB on every word, in every rounding mode. */
import { f16_logB } from '../../../src/formats/f16/logB.js';
import { f16_nextDown } from '../../../src/formats/f16/nextDown.js';
import { f16_nextUp } from '../../../src/formats/f16/nextUp.js';
import { f16_roundToInt } from '../../../src/formats/f16/roundToInt.js';
import { f16_scaleB } from '../../../src/formats/f16/scaleB.js';
import { f16_sqrt } from '../../../src/formats/f16/sqrt.js';
import { F16 } from '../../reference/exact.js';
import { exhaustiveUnarySuite } from '../../support/exhaustive.js';

exhaustiveUnarySuite(
  F16,
  {
    sqrt: f16_sqrt,
    roundToInt: f16_roundToInt,
    scaleB: f16_scaleB,
    nextUp: f16_nextUp,
    nextDown: f16_nextDown,
    logB: f16_logB,
  },
  [-0x80000000, -40, -25, -24, -14, -11, -1, 1, 11, 16, 30, 0x7fffffff],
);
