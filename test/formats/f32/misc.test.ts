/** f32 roundToInt, scaleB, logB, nextUp, nextDown against the exact reference. */
import { f32_logB } from '../../../src/formats/f32/logB.js';
import { f32_nextDown } from '../../../src/formats/f32/nextDown.js';
import { f32_nextUp } from '../../../src/formats/f32/nextUp.js';
import { f32_roundToInt } from '../../../src/formats/f32/roundToInt.js';
import { f32_scaleB } from '../../../src/formats/f32/scaleB.js';
import { F32 } from '../../reference/exact.js';
import { miscSuite } from '../../support/suites.js';

miscSuite(F32, {
  roundToInt: f32_roundToInt,
  scaleB: f32_scaleB,
  logB: f32_logB,
  nextUp: f32_nextUp,
  nextDown: f32_nextDown,
});
