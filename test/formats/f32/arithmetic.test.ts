/** binary32 add, sub, mul, div, sqrt, mulAdd, rem against the exact reference. */
import { f32_add } from '../../../src/formats/f32/add.js';
import { f32_div } from '../../../src/formats/f32/div.js';
import { f32_mul } from '../../../src/formats/f32/mul.js';
import { f32_mulAdd } from '../../../src/formats/f32/mulAdd.js';
import { f32_rem } from '../../../src/formats/f32/rem.js';
import { f32_sqrt } from '../../../src/formats/f32/sqrt.js';
import { f32_sub } from '../../../src/formats/f32/sub.js';
import { F32 } from '../../reference/exact.js';
import { arithmeticSuite } from '../../support/suites.js';

arithmeticSuite(F32, {
  add: f32_add,
  sub: f32_sub,
  mul: f32_mul,
  div: f32_div,
  sqrt: f32_sqrt,
  mulAdd: f32_mulAdd,
  rem: f32_rem,
});
