import { bf16_softplus, f16_softplus, f32_softplus } from '../../src/math/softplus.js';
import { mathSuite } from './support.js';

mathSuite(
  'softplus',
  { f32: f32_softplus, f16: f16_softplus, bf16: bf16_softplus },
  [
    [-1, 1],
    [-20, 20],
    [-104, -20],
    [10, 17],
    [-(2 ** -20), 2 ** -20],
  ],
  [-(2 ** -30), 2 ** -30],
);
