/**
 * f32_to_i32, f32_to_ui32, f32_to_i64, f32_to_ui64 (every rounding mode, exact and not) and their _r_minMag forms
 * against the exact reference, including the 8086-SSE invalid results (most negative integer for the signed kinds,
 * all ones for the unsigned ones) and negative inputs that round to zero for the unsigned kinds.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { f32_to_i32, f32_to_i32_r_minMag } from '../../../src/formats/convert/f32_to_i32.js';
import { f32_to_i64, f32_to_i64_r_minMag } from '../../../src/formats/convert/f32_to_i64.js';
import { f32_to_ui32, f32_to_ui32_r_minMag } from '../../../src/formats/convert/f32_to_ui32.js';
import { f32_to_ui64, f32_to_ui64_r_minMag } from '../../../src/formats/convert/f32_to_ui64.js';
import type { RoundingMode } from '../../../src/env/environment.js';
import * as R from '../../reference/exact.js';
import { F32, type IntKind } from '../../reference/exact.js';
import { floatArb, intBoundaryArb, specialWords } from '../../support/arbitraries.js';
import { readInt, showInt } from '../../support/convert.js';
import { checkSticky, checkWithModeArg, hex } from '../../support/harness.js';
import { property } from '../../support/suites.js';

type ToInt = (a: number, mode: RoundingMode, exact: boolean) => number;
type ToIntR = (a: number, exact: boolean) => number;

const KINDS: [IntKind, ToInt, ToIntR][] = [
  ['i32', f32_to_i32, f32_to_i32_r_minMag],
  ['ui32', f32_to_ui32, f32_to_ui32_r_minMag],
  ['i64', f32_to_i64, f32_to_i64_r_minMag],
  ['ui64', f32_to_ui64, f32_to_ui64_r_minMag],
];

function check(a: number): void {
  for (const [kind, fn, fnR] of KINDS) {
    for (const exact of [false, true]) {
      checkWithModeArg(
        `f32_to_${kind}`,
        `${hex(F32, a)}, exact=${exact}`,
        (m) => readInt(kind, fn(a, m as RoundingMode, exact)),
        (m) => R.toInt(F32, a, kind, m, exact),
        showInt,
      );
      checkWithModeArg(
        `f32_to_${kind}_r_minMag`,
        `${hex(F32, a)}, exact=${exact}`,
        () => readInt(kind, fnR(a, exact)),
        () => R.toInt(F32, a, kind, 1, exact),
        showInt,
        [1],
      );
    }
  }
}

describe('binary32 to integers', () => {
  it('special words', () => {
    for (const a of specialWords(F32)) check(a);
  });
  it('every power of two and its neighbours, both signs', () => {
    for (let e = 0; e < 255; e++) {
      for (const d of [-2, -1, 0, 1, 2]) {
        const w = e * 2 ** 23 + d;
        if (w < 0 || w >= 0x7f800000) continue;
        check(w);
        check(w + 0x80000000);
      }
    }
  });
  it('halves, values next to integers and to ±2^31, ±2^32, ±2^63, ±2^64, random words', () => {
    property(fc.oneof(intBoundaryArb(F32), floatArb(F32)), check, 4000);
  });
  it('keep flags sticky', () => {
    for (const a of specialWords(F32)) {
      for (const [kind, fn, fnR] of KINDS) {
        checkSticky(`f32_to_${kind}`, () => fn(a, 0, true));
        checkSticky(`f32_to_${kind}_r_minMag`, () => fnR(a, true));
      }
    }
  });
});
