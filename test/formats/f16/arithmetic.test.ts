/** f16 add, sub, mul, div, sqrt, mulAdd, rem against the exact reference. */
import { f16_add } from '../../../src/formats/f16/add.js';
import { f16_div } from '../../../src/formats/f16/div.js';
import { f16_mul } from '../../../src/formats/f16/mul.js';
import { f16_mulAdd } from '../../../src/formats/f16/mulAdd.js';
import { f16_rem } from '../../../src/formats/f16/rem.js';
import { f16_sqrt } from '../../../src/formats/f16/sqrt.js';
import { f16_sub } from '../../../src/formats/f16/sub.js';
import { F16 } from '../../reference/exact.js';
import { arithmeticSuite } from '../../support/suites.js';

arithmeticSuite(F16, {
  add: f16_add,
  sub: f16_sub,
  mul: f16_mul,
  div: f16_div,
  sqrt: f16_sqrt,
  mulAdd: f16_mulAdd,
  rem: f16_rem,
});
