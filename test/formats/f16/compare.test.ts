/** f16 comparison predicates against the exact reference (results and the invalid flag). */
import { f16_eq } from '../../../src/formats/f16/eq.js';
import { f16_eq_signaling } from '../../../src/formats/f16/eq_signaling.js';
import { f16_le } from '../../../src/formats/f16/le.js';
import { f16_le_quiet } from '../../../src/formats/f16/le_quiet.js';
import { f16_lt } from '../../../src/formats/f16/lt.js';
import { f16_lt_quiet } from '../../../src/formats/f16/lt_quiet.js';
import { F16 } from '../../reference/exact.js';
import { compareSuite } from '../../support/suites.js';

compareSuite(F16, {
  eq: f16_eq,
  le: f16_le,
  lt: f16_lt,
  eq_signaling: f16_eq_signaling,
  le_quiet: f16_le_quiet,
  lt_quiet: f16_lt_quiet,
});
