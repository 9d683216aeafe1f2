import { bf16_log2, f16_log2, f32_log2 } from '../../src/math/log2.js';
import { mathSuite } from './support.js';

mathSuite(
  'log2',
  { f32: f32_log2, f16: f16_log2, bf16: bf16_log2 },
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
