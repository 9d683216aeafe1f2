/**
 * Every conversion out of binary16 and bfloat16 to the other floating-point formats, on all 65,536 words in every
 * rounding mode (f16_to_f32 and bf16_to_f32 are exact; f16_to_bf16 and bf16_to_f16 round).
 */
import { describe, it } from 'vitest';
import { bf16_to_f16 } from '../../../src/formats/convert/bf16_to_f16.js';
import { bf16_to_f32 } from '../../../src/formats/convert/bf16_to_f32.js';
import { f16_to_bf16 } from '../../../src/formats/convert/f16_to_bf16.js';
import { f16_to_f32 } from '../../../src/formats/convert/f16_to_f32.js';
import * as R from '../../reference/exact.js';
import { BF16, F16, F32, type Format } from '../../reference/exact.js';
import { roundDouble, wordToDouble } from '../../reference/fast.js';
import { ALL16, exhaustiveFloat } from '../../support/exhaustive.js';
import { hex } from '../../support/harness.js';

function reference(from: Format, to: Format) {
  // NaNs, infinities and zeros through the exact reference (mode-independent), finite values rounded by definition
  const special = new Map<number, R.FloatResult>();
  for (const a of ALL16) {
    const mag = a % from.signBit;
    if (mag === 0 || mag >= from.expMask) special.set(a, R.convert(from, to, a, 0));
  }
  return (a: number, mode: R.Mode) => {
    const s = special.get(a);
    if (s) return { bits: s.bits, flagsBefore: s.flags[0], flagsAfter: s.flags[1] };
    return roundDouble(to, wordToDouble(from, a), mode);
  };
}

describe('conversions out of 16-bit formats, all words', () => {
  for (const [from, to, fn, name] of [
    [F16, F32, f16_to_f32, 'f16_to_f32'],
    [BF16, F32, bf16_to_f32, 'bf16_to_f32'],
    [F16, BF16, f16_to_bf16, 'f16_to_bf16'],
    [BF16, F16, bf16_to_f16, 'bf16_to_f16'],
  ] as const) {
    it(`${name}, every rounding mode`, () => {
      exhaustiveFloat(to, name, ALL16, fn, reference(from, to), (a) => hex(from, a)).check(name);
    });
  }
});
