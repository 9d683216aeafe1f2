import { bf16_exp2, f16_exp2, f32_exp2 } from '../../src/math/exp2.js';
import { mathSuite } from './support.js';

mathSuite(
  'exp2',
  { f32: f32_exp2, f16: f16_exp2, bf16: bf16_exp2 },
  [
    [-(2 ** -8), 2 ** -8],
    [-4, 4],
    [120, 128],
    [-150, -120],
    [-150, 128],
  ],
  [-(2 ** -20), 2 ** -20],
);
