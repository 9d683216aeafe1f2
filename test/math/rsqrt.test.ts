import { bf16_rsqrt, f16_rsqrt, f32_rsqrt } from '../../src/math/rsqrt.js';
import { mathSuite } from './support.js';

mathSuite(
  'rsqrt',
  { f32: f32_rsqrt, f16: f16_rsqrt, bf16: bf16_rsqrt },
  [
    [0.25, 4],
    [2 ** -149, 2 ** -126],
    [1, 2 ** 20],
    [0, 3.4e38],
  ],
  [1 - 2 ** -20, 1 + 2 ** -20],
);
