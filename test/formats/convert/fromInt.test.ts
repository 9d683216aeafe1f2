/**
 * i32_to_F, ui32_to_F, i64_to_F, ui64_to_F for F = f32, f16, bf16 against the exact reference, in every rounding mode
 * with both tininess settings: random integers, integers that are exact ties or near ties at the format's precision,
 * powers of two and their neighbours, the ends of each range; for binary16 and bfloat16 also every integer in
 * −70000 … 70000 (binary16 overflows at 65520).
 */
import { describe, it } from 'vitest';
import { i32_to_bf16 } from '../../../src/formats/convert/i32_to_bf16.js';
import { i32_to_f16 } from '../../../src/formats/convert/i32_to_f16.js';
import { i32_to_f32 } from '../../../src/formats/convert/i32_to_f32.js';
import { i64_to_bf16 } from '../../../src/formats/convert/i64_to_bf16.js';
import { i64_to_f16 } from '../../../src/formats/convert/i64_to_f16.js';
import { i64_to_f32 } from '../../../src/formats/convert/i64_to_f32.js';
import { ui32_to_bf16 } from '../../../src/formats/convert/ui32_to_bf16.js';
import { ui32_to_f16 } from '../../../src/formats/convert/ui32_to_f16.js';
import { ui32_to_f32 } from '../../../src/formats/convert/ui32_to_f32.js';
import { ui64_to_bf16 } from '../../../src/formats/convert/ui64_to_bf16.js';
import { ui64_to_f16 } from '../../../src/formats/convert/ui64_to_f16.js';
import { ui64_to_f32 } from '../../../src/formats/convert/ui64_to_f32.js';
import * as R from '../../reference/exact.js';
import { BF16, F16, F32, type Format, type IntKind } from '../../reference/exact.js';
import { roundDouble } from '../../reference/fast.js';
import { intArb } from '../../support/arbitraries.js';
import { split64 } from '../../support/convert.js';
import { exhaustiveFloat } from '../../support/exhaustive.js';
import { checkFloat, checkSticky } from '../../support/harness.js';
import { property } from '../../support/suites.js';

interface FromInt {
  i32: (a: number) => number;
  ui32: (a: number) => number;
  i64: (hi: number, lo: number) => number;
  ui64: (hi: number, lo: number) => number;
}

const TABLE: [Format, FromInt][] = [
  [F32, { i32: i32_to_f32, ui32: ui32_to_f32, i64: i64_to_f32, ui64: ui64_to_f32 }],
  [F16, { i32: i32_to_f16, ui32: ui32_to_f16, i64: i64_to_f16, ui64: ui64_to_f16 }],
  [BF16, { i32: i32_to_bf16, ui32: ui32_to_bf16, i64: i64_to_bf16, ui64: ui64_to_bf16 }],
];

function check(fmt: Format, ops: FromInt, kind: IntKind, n: bigint): void {
  const name = `${kind}_to_${fmt.name}`;
  const ref = (m: R.Mode) => R.fromInt(fmt, n, m);
  switch (kind) {
    case 'i32':
    case 'ui32': {
      const a = Number(n);
      checkFloat(fmt, `${name}[${n}]`, [a >>> 0], () => ops[kind](a), ref, 32);
      return;
    }
    case 'i64':
    case 'ui64': {
      const [hi, lo] = split64(n);
      checkFloat(fmt, `${name}[${n}]`, [hi, lo], () => ops[kind](hi, lo), ref, 32);
      return;
    }
  }
}

for (const [fmt, ops] of TABLE) {
  describe(`integers to ${fmt.name}`, () => {
    for (const kind of ['i32', 'ui32', 'i64', 'ui64'] as const) {
      it(`${kind}_to_${fmt.name}: ties, near ties, powers of two, range ends, random`, () => {
        property(intArb(kind, fmt.p), (n) => check(fmt, ops, kind, n), 2500);
      });
    }
    if (fmt !== F32) {
      it(`i32_to_${fmt.name} and ui32_to_${fmt.name} on every integer in -70000 … 70000`, () => {
        const ints = Array.from({ length: 140001 }, (_, i) => i - 70000);
        const ref = (a: number, m: R.Mode) =>
          a === 0 ? { bits: 0, flagsBefore: 0, flagsAfter: 0 } : roundDouble(fmt, a, m);
        exhaustiveFloat(fmt, `i32_to_${fmt.name}`, ints, ops.i32, ref, String).check(`i32_to_${fmt.name}`);
        const nonNegative = ints.filter((a) => a >= 0);
        exhaustiveFloat(fmt, `ui32_to_${fmt.name}`, nonNegative, ops.ui32, ref, String).check(`ui32_to_${fmt.name}`);
      });
    }
    it('keep flags sticky', () => {
      for (const n of [0, 1, -1, 0x7fffffff, -0x80000000, 123456789]) {
        checkSticky(`i32_to_${fmt.name}`, () => ops.i32(n));
        checkSticky(`ui32_to_${fmt.name}`, () => ops.ui32(n >>> 0));
        checkSticky(`i64_to_${fmt.name}`, () => ops.i64(n < 0 ? 0xffffffff : 0, n >>> 0));
        checkSticky(`ui64_to_${fmt.name}`, () => ops.ui64(n >>> 0, 0x12345678));
      }
    });
  });
}
