/** bf16 comparison predicates against the exact reference (results and the invalid flag). */
import { bf16_eq } from '../../../src/formats/bf16/eq.js';
import { bf16_eq_signaling } from '../../../src/formats/bf16/eq_signaling.js';
import { bf16_le } from '../../../src/formats/bf16/le.js';
import { bf16_le_quiet } from '../../../src/formats/bf16/le_quiet.js';
import { bf16_lt } from '../../../src/formats/bf16/lt.js';
import { bf16_lt_quiet } from '../../../src/formats/bf16/lt_quiet.js';
import { BF16 } from '../../reference/exact.js';
import { compareSuite } from '../../support/suites.js';

compareSuite(BF16, {
  eq: bf16_eq,
  le: bf16_le,
  lt: bf16_lt,
  eq_signaling: bf16_eq_signaling,
  le_quiet: bf16_le_quiet,
  lt_quiet: bf16_lt_quiet,
});
