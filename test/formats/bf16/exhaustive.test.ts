/** bf16 sqrt, roundToInt, scaleB, nextUp, nextDown, logB on every word, in every rounding mode. */
import { bf16_logB } from '../../../src/formats/bf16/logB.js';
import { bf16_nextDown } from '../../../src/formats/bf16/nextDown.js';
import { bf16_nextUp } from '../../../src/formats/bf16/nextUp.js';
import { bf16_roundToInt } from '../../../src/formats/bf16/roundToInt.js';
import { bf16_scaleB } from '../../../src/formats/bf16/scaleB.js';
import { bf16_sqrt } from '../../../src/formats/bf16/sqrt.js';
import { BF16 } from '../../reference/exact.js';
import { exhaustiveUnarySuite } from '../../support/exhaustive.js';

exhaustiveUnarySuite(
  BF16,
  {
    sqrt: bf16_sqrt,
    roundToInt: bf16_roundToInt,
    scaleB: bf16_scaleB,
    nextUp: bf16_nextUp,
    nextDown: bf16_nextDown,
    logB: bf16_logB,
  },
  [-0x80000000, -300, -134, -133, -126, -8, -1, 1, 8, 128, 254, 0x7fffffff],
);
