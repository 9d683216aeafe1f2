/** f16 roundToInt, scaleB, logB, nextUp, nextDown against the exact reference. */
import { f16_logB } from '../../../src/formats/f16/logB.js';
import { f16_nextDown } from '../../../src/formats/f16/nextDown.js';
import { f16_nextUp } from '../../../src/formats/f16/nextUp.js';
import { f16_roundToInt } from '../../../src/formats/f16/roundToInt.js';
import { f16_scaleB } from '../../../src/formats/f16/scaleB.js';
import { F16 } from '../../reference/exact.js';
import { miscSuite } from '../../support/suites.js';

miscSuite(F16, {
  roundToInt: f16_roundToInt,
  scaleB: f16_scaleB,
  logB: f16_logB,
  nextUp: f16_nextUp,
  nextDown: f16_nextDown,
});
