import { bf16_log10, f16_log10, f32_log10 } from '../../src/math/log10.js';
import { mathSuite } from './support.js';

mathSuite(
  'log10',
  { f32: f32_log10, f16: f16_log10, bf16: bf16_log10 },
  [
    [1 - 2 ** -8, 1 + 2 ** -8],
    [0.5, 2],
    [1 + 2 ** -8, 1.1],
    [0.9, 1 - 2 ** -8],
    [2 ** -149, 2 ** -120],
    [0, 3.4e38],
  ],
  [1 - 2 ** -20, 1 + 2 ** -20],
);
