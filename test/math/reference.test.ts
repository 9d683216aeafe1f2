/**
 * The reference's two paths agree: the double path (Math.* rounded by definition, used unless a double lies within
 * 2^-40 of a boundary) and the BigInt path (bigref.ts, exact rounding), on random binary32 words in every mode.
 */
import { describe, expect, it } from 'vitest';
import type { MathName } from './reference.js';
import { referenceDisagreements } from './support.js';

const CASES: [MathName, [number, number][]][] = [
  ['exp', [[-104, 89]]],
  ['exp2', [[-150, 128]]],
  ['exp10', [[-45, 38.5]]],
  ['expm1', [[-20, 89]]],
  ['tanh', [[-16, 16]]],
  ['sigmoid', [[-104, 18]]],
  ['log', [[1e-40, 3e38]]],
  ['log2', [[1e-40, 3e38]]],
  ['log10', [[1e-40, 3e38]]],
  ['log1p', [[-0.99, 3e38]]],
  ['rsqrt', [[1e-40, 3e38]]],
  ['softplus', [[-104, 16]]],
];

describe('reference self-check: doubles against BigInt', () => {
  for (const [fn, regions] of CASES) {
    it(`${fn}: 150 words, every mode`, () => {
      expect(referenceDisagreements(fn, regions)).toEqual([]);
    });
  }
});
