/** f32 comparison predicates against the exact reference (results and the invalid flag). */
import { f32_eq } from '../../../src/formats/f32/eq.js';
import { f32_eq_signaling } from '../../../src/formats/f32/eq_signaling.js';
import { f32_le } from '../../../src/formats/f32/le.js';
import { f32_le_quiet } from '../../../src/formats/f32/le_quiet.js';
import { f32_lt } from '../../../src/formats/f32/lt.js';
import { f32_lt_quiet } from '../../../src/formats/f32/lt_quiet.js';
import { F32 } from '../../reference/exact.js';
import { compareSuite } from '../../support/suites.js';

compareSuite(F32, {
  eq: f32_eq,
  le: f32_le,
  lt: f32_lt,
  eq_signaling: f32_eq_signaling,
  le_quiet: f32_le_quiet,
  lt_quiet: f32_lt_quiet,
});
