import { bf16_expm1, f16_expm1, f32_expm1 } from '../../src/math/expm1.js';
import { mathSuite } from './support.js';

mathSuite(
  'expm1',
  { f32: f32_expm1, f16: f16_expm1, bf16: bf16_expm1 },
  [
    [2 ** -30, 2 ** -6],
    [-(2 ** -30), -(2 ** -6)],
    [-1, 1],
    [-40, -10],
    [80, 89],
  ],
  [-(2 ** -20), 2 ** -20],
);
