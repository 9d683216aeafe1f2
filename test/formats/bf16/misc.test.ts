/** bf16 roundToInt, scaleB, logB, nextUp, nextDown against the exact reference. */
import { bf16_logB } from '../../../src/formats/bf16/logB.js';
import { bf16_nextDown } from '../../../src/formats/bf16/nextDown.js';
import { bf16_nextUp } from '../../../src/formats/bf16/nextUp.js';
import { bf16_roundToInt } from '../../../src/formats/bf16/roundToInt.js';
import { bf16_scaleB } from '../../../src/formats/bf16/scaleB.js';
import { BF16 } from '../../reference/exact.js';
import { miscSuite } from '../../support/suites.js';

miscSuite(BF16, {
  roundToInt: bf16_roundToInt,
  scaleB: bf16_scaleB,
  logB: bf16_logB,
  nextUp: bf16_nextUp,
  nextDown: bf16_nextDown,
});
