/** bf16 add, sub, mul, div, sqrt, mulAdd, rem against the exact reference. */
import { bf16_add } from '../../../src/formats/bf16/add.js';
import { bf16_div } from '../../../src/formats/bf16/div.js';
import { bf16_mul } from '../../../src/formats/bf16/mul.js';
import { bf16_mulAdd } from '../../../src/formats/bf16/mulAdd.js';
import { bf16_rem } from '../../../src/formats/bf16/rem.js';
import { bf16_sqrt } from '../../../src/formats/bf16/sqrt.js';
import { bf16_sub } from '../../../src/formats/bf16/sub.js';
import { BF16 } from '../../reference/exact.js';
import { arithmeticSuite } from '../../support/suites.js';

arithmeticSuite(BF16, {
  add: bf16_add,
  sub: bf16_sub,
  mul: bf16_mul,
  div: bf16_div,
  sqrt: bf16_sqrt,
  mulAdd: bf16_mulAdd,
  rem: bf16_rem,
});
