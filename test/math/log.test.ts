import { bf16_log, f16_log, f32_log } from '../../src/math/log.js';
import { mathSuite } from './support.js';

mathSuite(
  'log',
  { f32: f32_log, f16: f16_log, bf16: bf16_log },
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
