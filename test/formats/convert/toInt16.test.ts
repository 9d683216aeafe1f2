/**
 * Every conversion from binary16 and bfloat16 to i32, ui32, i64 and ui64, on all 65,536 words, in every rounding
 * mode, exact and not, plus the _r_minMag forms. The reference rounds the (exact) double value by definition.
 */
import { describe, it } from 'vitest';
import { bf16_to_i32, bf16_to_i32_r_minMag } from '../../../src/formats/convert/bf16_to_i32.js';
import { bf16_to_i64, bf16_to_i64_r_minMag } from '../../../src/formats/convert/bf16_to_i64.js';
import { bf16_to_ui32, bf16_to_ui32_r_minMag } from '../../../src/formats/convert/bf16_to_ui32.js';
import { bf16_to_ui64, bf16_to_ui64_r_minMag } from '../../../src/formats/convert/bf16_to_ui64.js';
import { f16_to_i32, f16_to_i32_r_minMag } from '../../../src/formats/convert/f16_to_i32.js';
import { f16_to_i64, f16_to_i64_r_minMag } from '../../../src/formats/convert/f16_to_i64.js';
import { f16_to_ui32, f16_to_ui32_r_minMag } from '../../../src/formats/convert/f16_to_ui32.js';
import { f16_to_ui64, f16_to_ui64_r_minMag } from '../../../src/formats/convert/f16_to_ui64.js';
import type { RoundingMode } from '../../../src/env/environment.js';
import { wide } from '../../../src/primitives/integer.js';
import { BF16, F16, MODES, type Format, type IntKind, type Mode } from '../../reference/exact.js';
import { isNaNWord, roundDoubleToInteger, wordToDouble } from '../../reference/fast.js';
import { ALL16, Failures, exhaustiveModeArg } from '../../support/exhaustive.js';
import { hex } from '../../support/harness.js';

type ToInt = (a: number, mode: RoundingMode, exact: boolean) => number;
type ToIntR = (a: number, exact: boolean) => number;

const RANGE: Record<IntKind, [number, number]> = {
  i32: [-(2 ** 31), 2 ** 31 - 1],
  ui32: [0, 2 ** 32 - 1],
  i64: [-(2 ** 63), 2 ** 63], // upper bound exclusive (2^63 - 1 is not a double)
  ui64: [0, 2 ** 64], // upper bound exclusive
};

/** The result as a string key: "value" for 32-bit kinds, "hi:lo" (two's complement words) for 64-bit kinds. */
function key64(n: number): string {
  const m = Math.abs(n);
  let hi = Math.floor(m / 2 ** 32);
  let lo = m - hi * 2 ** 32;
  if (n < 0) {
    // two's complement negation of (hi:lo)
    if (lo === 0) hi = (2 ** 32 - hi) % 2 ** 32;
    else {
      lo = 2 ** 32 - lo;
      hi = 2 ** 32 - 1 - hi;
    }
  }
  return `${hi}:${lo}`;
}

const INVALID_KEY: Record<IntKind, string> = {
  i32: String(-(2 ** 31)),
  ui32: String(2 ** 32 - 1),
  i64: `${2 ** 31}:0`,
  ui64: `${2 ** 32 - 1}:${2 ** 32 - 1}`,
};

function reference(fmt: Format, kind: IntKind, a: number, mode: Mode, exact: boolean): { value: string; flags: number } {
  const mag = a % fmt.signBit;
  if (isNaNWord(fmt, a) || mag === fmt.expMask) return { value: INVALID_KEY[kind], flags: 0x10 };
  const { n, inexact } = roundDoubleToInteger(wordToDouble(fmt, a), mode);
  const [lo, hi] = RANGE[kind];
  const is64 = kind === 'i64' || kind === 'ui64';
  if (n < lo || (is64 ? n >= hi : n > hi)) return { value: INVALID_KEY[kind], flags: 0x10 };
  const v = n === 0 ? 0 : n; // −0 is 0
  return { value: is64 ? key64(v) : String(v), flags: exact && inexact ? 0x01 : 0 };
}

function result(kind: IntKind, ret: number): string {
  if (kind === 'i64' || kind === 'ui64') return `${wide.hi}:${ret}`;
  return String(ret);
}

const FORMATS: [Format, [IntKind, ToInt, ToIntR][]][] = [
  [
    F16,
    [
      ['i32', f16_to_i32, f16_to_i32_r_minMag],
      ['ui32', f16_to_ui32, f16_to_ui32_r_minMag],
      ['i64', f16_to_i64, f16_to_i64_r_minMag],
      ['ui64', f16_to_ui64, f16_to_ui64_r_minMag],
    ],
  ],
  [
    BF16,
    [
      ['i32', bf16_to_i32, bf16_to_i32_r_minMag],
      ['ui32', bf16_to_ui32, bf16_to_ui32_r_minMag],
      ['i64', bf16_to_i64, bf16_to_i64_r_minMag],
      ['ui64', bf16_to_ui64, bf16_to_ui64_r_minMag],
    ],
  ],
];

for (const [fmt, kinds] of FORMATS) {
  describe(`${fmt.name} to integers, all words`, () => {
    for (const [kind, fn, fnR] of kinds) {
      it(`${fmt.name}_to_${kind} (every mode, exact and not) and ${fmt.name}_to_${kind}_r_minMag`, () => {
        const fails = new Failures();
        for (const exact of [false, true]) {
          exhaustiveModeArg(
            `${fmt.name}_to_${kind}[exact=${exact}]`,
            ALL16,
            (a, m) => result(kind, fn(a, m as RoundingMode, exact)),
            (a, m) => reference(fmt, kind, a, m, exact),
            (a) => hex(fmt, a),
            String,
            MODES,
            fails,
            [0],
          );
          exhaustiveModeArg(
            `${fmt.name}_to_${kind}_r_minMag[exact=${exact}]`,
            ALL16,
            (a) => result(kind, fnR(a, exact)),
            (a) => reference(fmt, kind, a, 1, exact),
            (a) => hex(fmt, a),
            String,
            [1],
            fails,
            [0],
          );
        }
        fails.check(`${fmt.name}_to_${kind}`);
      });
    }
  });
}
