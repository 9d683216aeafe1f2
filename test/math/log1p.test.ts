import { bf16_log1p, f16_log1p, f32_log1p } from '../../src/math/log1p.js';
import { mathSuite } from './support.js';

mathSuite(
  'log1p',
  { f32: f32_log1p, f16: f16_log1p, bf16: bf16_log1p },
  [
    [-(2 ** -6), 2 ** -6],
    [-(2 ** -30), 2 ** -30],
    [-1, -0.5],
    [-0.5, 2],
    [0, 3.4e38],
  ],
  [-(2 ** -20), 2 ** -20],
);
