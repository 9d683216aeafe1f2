/** f32_to_f16 and f32_to_bf16 against the exact reference: every rounding mode, tininess setting and NaN mode. */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { f32_to_bf16 } from '../../../src/formats/convert/f32_to_bf16.js';
import { f32_to_f16 } from '../../../src/formats/convert/f32_to_f16.js';
import * as R from '../../reference/exact.js';
import { BF16, F16, F32, type Format } from '../../reference/exact.js';
import { floatArb, specialWords } from '../../support/arbitraries.js';
import { checkFloat, checkSticky } from '../../support/harness.js';
import { property } from '../../support/suites.js';

/**
 * binary32 words next to the target format's grid: a target word widened exactly, moved by a multiple of a power of
 * two (half the target's last place gives exact ties) and a few binary32 units.
 */
function nearTargetArb(to: Format): fc.Arbitrary<number> {
  return fc
    .tuple(floatArb(to), fc.integer({ min: 0, max: 23 }), fc.integer({ min: -1, max: 1 }), fc.integer({ min: -2, max: 2 }))
    .map(([w, j, k, d]) => {
      const wide = R.convert(to, F32, w, 0).bits;
      if (R.isNaNBits(F32, wide)) return wide;
      const sign = wide >= 0x80000000 ? 0x80000000 : 0;
      const mag = wide - sign + k * 2 ** j + d;
      return sign + Math.max(0, Math.min(0x7f800000, mag));
    });
}

for (const [to, fn, name] of [
  [F16, f32_to_f16, 'f32_to_f16'],
  [BF16, f32_to_bf16, 'f32_to_bf16'],
] as const) {
  describe(name, () => {
    const check = (a: number) => checkFloat(to, name, [a], () => fn(a), (m) => R.convert(F32, to, a, m), F32);
    it('special binary32 words and the widened special words of the target', () => {
      for (const a of specialWords(F32)) check(a);
      for (const w of specialWords(to)) check(R.convert(to, F32, w, 0).bits);
    });
    it('words next to the target grid (ties, near ties, thresholds) and random words', () => {
      property(fc.oneof(nearTargetArb(to), floatArb(F32)), check, 20000);
    });
    it('keeps flags sticky', () => {
      for (const a of specialWords(F32)) checkSticky(name, () => fn(a));
    });
  });
}
