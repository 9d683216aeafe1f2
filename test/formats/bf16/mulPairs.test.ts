/**
 * bf16_mul on every pair in which one operand is one of about a hundred hard words and the other any of the 65,536
 * words (both orders), in every rounding mode. The reference rounds the exact double product by definition.
 */
import { describe, it } from 'vitest';
import { bf16_mul } from '../../../src/formats/bf16/mul.js';
import { BF16 } from '../../reference/exact.js';
import { PairReference } from '../../reference/fast.js';
import { HARD_BF16, exhaustivePairs } from '../../support/exhaustive.js';

describe('bf16_mul, hard words against every word', () => {
  it(`${HARD_BF16.length} hard words × 65,536 words × 2 orders × 6 rounding modes`, () => {
    exhaustivePairs(BF16, 'bf16_mul', HARD_BF16, bf16_mul, new PairReference(BF16, 'mul'));
  });
});
