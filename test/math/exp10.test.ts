import { bf16_exp10, f16_exp10, f32_exp10 } from '../../src/math/exp10.js';
import { mathSuite } from './support.js';

mathSuite(
  'exp10',
  { f32: f32_exp10, f16: f16_exp10, bf16: bf16_exp10 },
  [
    [-(2 ** -8), 2 ** -8],
    [-2, 2],
    [36, 39],
    [-46, -36],
    [0, 12],
  ],
  [-(2 ** -20), 2 ** -20],
);
