/**
 * f16_add on every pair in which one operand is one of about a hundred hard words and the other any of the 65,536
 * words (both orders), in every rounding mode. The reference rounds the exact double sum by definition.
 */
import { describe, it } from 'vitest';
import { f16_add } from '../../../src/formats/f16/add.js';
import { F16 } from '../../reference/exact.js';
import { PairReference } from '../../reference/fast.js';
import { HARD_F16, exhaustivePairs } from '../../support/exhaustive.js';

describe('f16_add, hard words against every word', () => {
  it(`${HARD_F16.length} hard words × 65,536 words × 2 orders × 6 rounding modes`, () => {
    exhaustivePairs(F16, 'f16_add', HARD_F16, f16_add, new PairReference(F16, 'add'));
  });
});
