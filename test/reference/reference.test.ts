/**
 * Checks of the references themselves, independent of the library:
 * - hand-worked cases from the IEEE 754 definitions (ties, overflow thresholds, tininess before/after rounding, zero
 *   signs, NaN propagation, round to odd, invalid integer conversions);
 * - the exact reference against the host's binary32 hardware (Math.fround of a double operation is correctly rounded
 *   to nearest-even for +, −, ×, ÷, √ since 53 >= 2·24 + 2);
 * - the fast double-based reference (used by the exhaustive tests) against the exact one, in every mode with flags.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as R from './exact.js';
import { BF16, F16, F32, MODES, type Format, type Mode } from './exact.js';
import {
  PairReference,
  addFast,
  mulFast,
  roundDouble,
  roundDoubleToInteger,
  sqrtFast,
  wordToDouble,
} from './fast.js';
import { addPairArb, floatArb, intBoundaryArb, mulPairArb, sqrtArb } from '../support/arbitraries.js';
import { roundToIntFast } from '../support/exhaustive.js';

const I = R.INEXACT;
const U = R.UNDERFLOW;
const O = R.OVERFLOW;

type Case = [string, R.FloatResult, number, number, number?]; // name, result, bits, flags after, flags before

function expectCases(cases: Case[]): void {
  const bad: string[] = [];
  for (const [name, r, bits, after, before = after] of cases) {
    if (r.bits !== bits || r.flags[1] !== after || r.flags[0] !== before) {
      bad.push(`${name}: got 0x${r.bits.toString(16)} [${r.flags}], expected 0x${bits.toString(16)} [${before},${after}]`);
    }
  }
  expect(bad).toEqual([]);
}

const perMode = (f: (m: Mode) => R.FloatResult, name: string, expected: Record<Mode, [number, number, number?]>): Case[] =>
  MODES.map((m) => [`${name} mode ${m}`, f(m), expected[m][0], expected[m][1], expected[m][2]] as Case);

describe('exact reference: hand-worked cases', () => {
  it('ties and round to odd (binary32 1 ± tiny)', () => {
    expectCases([
      // 1 + 2^-24: exactly halfway between 1 and 1 + 2^-23
      ...perMode((m) => R.add(F32, 0x3f800000, 0x33800000, m), '1 + 2^-24', {
        0: [0x3f800000, I],
        1: [0x3f800000, I],
        2: [0x3f800000, I],
        3: [0x3f800001, I],
        4: [0x3f800001, I],
        6: [0x3f800001, I],
      }),
      // 1 - 2^-25: halfway between 1 - 2^-24 (odd) and 1
      ...perMode((m) => R.sub(F32, 0x3f800000, 0x33000000, m), '1 - 2^-25', {
        0: [0x3f800000, I],
        1: [0x3f7fffff, I],
        2: [0x3f7fffff, I],
        3: [0x3f800000, I],
        4: [0x3f800000, I],
        6: [0x3f7fffff, I],
      }),
      // bfloat16 1 + 2^-8: halfway between 1 and 1 + 2^-7
      ...perMode((m) => R.add(BF16, 0x3f80, 0x3b80, m), 'bf16 1 + 2^-8', {
        0: [0x3f80, I],
        1: [0x3f80, I],
        2: [0x3f80, I],
        3: [0x3f81, I],
        4: [0x3f81, I],
        6: [0x3f81, I],
      }),
    ]);
  });

  it('overflow is decided after rounding with an unbounded exponent', () => {
    expectCases([
      // largest binary32 + half an ulp: a tie with 2^128 (even), so near modes overflow, round to odd does not
      ...perMode((m) => R.add(F32, 0x7f7fffff, 0x73000000, m), 'max + ulp/2', {
        0: [0x7f800000, O | I],
        1: [0x7f7fffff, I],
        2: [0x7f7fffff, I],
        3: [0x7f800000, O | I],
        4: [0x7f800000, O | I],
        6: [0x7f7fffff, I],
      }),
      ...perMode((m) => R.mul(F32, 0xff7fffff, 0x40000000, m), '-2·max', {
        0: [0xff800000, O | I],
        1: [0xff7fffff, O | I],
        2: [0xff800000, O | I],
        3: [0xff7fffff, O | I],
        4: [0xff800000, O | I],
        6: [0xff7fffff, O | I],
      }),
      // binary16 65504 + 16 = 65520: tie, rounds to even 65536 = overflow
      ['f16 65504 + 16', R.add(F16, 0x7bff, 0x4c00, 0), 0x7c00, O | I],
      ['f16 65504 + 16 toward 0', R.add(F16, 0x7bff, 0x4c00, 1), 0x7bff, I],
    ]);
  });

  it('tininess before and after rounding', () => {
    expectCases([
      // (2^23 - 1)·2^-149 · (1 + 2^-23) = 2^-126 - 2^-172: rounds to the smallest normal in round-to-nearest; tiny
      // only before rounding
      ['f32 min normal from below, nearest', R.mul(F32, 0x007fffff, 0x3f800001, 0), 0x00800000, I, U | I],
      ['f32 min normal from below, toward 0', R.mul(F32, 0x007fffff, 0x3f800001, 1), 0x007fffff, U | I, U | I],
      ['f32 min normal from below, up', R.mul(F32, 0x007fffff, 0x3f800001, 3), 0x00800000, I, U | I],
      ['f32 exact subnormal', R.mul(F32, 0x00800000, 0x3f000000, 0), 0x00400000, 0, 0],
      // binary16: 1023·2^-24 · (1 + 2^-10) = 2^-14 - 2^-34
      ['f16 min normal from below', R.mul(F16, 0x03ff, 0x3c01, 0), 0x0400, I, U | I],
      // smallest subnormal / 2 is a tie between 0 and the smallest subnormal
      ['f32 minsub/2 nearest', R.mul(F32, 0x00000001, 0x3f000000, 0), 0x00000000, U | I, U | I],
      ['f32 minsub/2 away', R.mul(F32, 0x00000001, 0x3f000000, 4), 0x00000001, U | I, U | I],
      ['f32 -minsub/2 odd', R.mul(F32, 0x80000001, 0x3f000000, 6), 0x80000001, U | I, U | I],
    ]);
  });

  it('zero signs, infinities, invalid operations and NaN propagation', () => {
    expectCases([
      ['x - x', R.sub(F32, 0x40490fdb, 0x40490fdb, 0), 0x00000000, 0],
      ['x - x toward -inf', R.sub(F32, 0x40490fdb, 0x40490fdb, 2), 0x80000000, 0],
      ['-0 + -0', R.add(F32, 0x80000000, 0x80000000, 0), 0x80000000, 0],
      ['+0 + -0', R.add(F32, 0x00000000, 0x80000000, 0), 0x00000000, 0],
      ['+0 + -0 toward -inf', R.add(F32, 0x00000000, 0x80000000, 2), 0x80000000, 0],
      ['1 / 0', R.div(F32, 0x3f800000, 0x00000000, 0), 0x7f800000, R.INFINITE],
      ['-1 / +0', R.div(F32, 0xbf800000, 0x00000000, 0), 0xff800000, R.INFINITE],
      ['0 / 0', R.div(F32, 0, 0, 0), 0xffc00000, R.INVALID],
      ['inf - inf', R.add(F32, 0x7f800000, 0xff800000, 0), 0xffc00000, R.INVALID],
      ['sqrt(-0)', R.sqrt(F32, 0x80000000, 0), 0x80000000, 0],
      ['sqrt(-1)', R.sqrt(F32, 0xbf800000, 0), 0xffc00000, R.INVALID],
      ['sNaN + qNaN: a first, quieted', R.add(F32, 0x7f800001, 0x7fc00005, 0), 0x7fc00001, R.INVALID],
      ['1 + qNaN', R.add(F32, 0x3f800000, 0xffc00123, 0), 0xffc00123, 0],
      ['qNaN · sNaN', R.mul(F32, 0x7fc00001, 0x7f800002, 0), 0x7fc00001, R.INVALID],
      ['1 - NaN keeps the NaN sign', R.sub(F32, 0x3f800000, 0x7fc00007, 0), 0x7fc00007, 0],
      ['inf·0 + qNaN', R.mulAdd(F32, 0x7f800000, 0, 0x7fc00009, 0), 0xffc00000, R.INVALID],
      ['qNaN·0 + sNaN', R.mulAdd(F32, 0x7fc00001, 0, 0x7f800001, 0), 0x7fc00001, R.INVALID],
      ['1·1 + sNaN', R.mulAdd(F32, 0x3f800000, 0x3f800000, 0x7f800003, 0), 0x7fc00003, R.INVALID],
      ['inf·2 - inf', R.mulAdd(F32, 0x7f800000, 0x40000000, 0xff800000, 0), 0xffc00000, R.INVALID],
      ['+0·1 + -0', R.mulAdd(F32, 0, 0x3f800000, 0x80000000, 0), 0x00000000, 0],
      ['+0·1 + -0 toward -inf', R.mulAdd(F32, 0, 0x3f800000, 0x80000000, 2), 0x80000000, 0],
      ['-0·1 + -0', R.mulAdd(F32, 0x80000000, 0x3f800000, 0x80000000, 0), 0x80000000, 0],
      ['1·1 - 1', R.mulAdd(F32, 0x3f800000, 0x3f800000, 0xbf800000, 0), 0x00000000, 0],
      ['1·1 - 1 toward -inf', R.mulAdd(F32, 0x3f800000, 0x3f800000, 0xbf800000, 2), 0x80000000, 0],
    ]);
  });

  it('remainder, roundToInt, logB, nextUp/nextDown', () => {
    expectCases([
      ['rem(5, 2)', R.rem(F32, 0x40a00000, 0x40000000), 0x3f800000, 0],
      ['rem(7, 2)', R.rem(F32, 0x40e00000, 0x40000000), 0xbf800000, 0],
      ['rem(-7, 2)', R.rem(F32, 0xc0e00000, 0x40000000), 0x3f800000, 0],
      ['rem(-4, 2)', R.rem(F32, 0xc0800000, 0x40000000), 0x80000000, 0],
      ['rem(1, inf)', R.rem(F32, 0x3f800000, 0x7f800000), 0x3f800000, 0],
      ['rem(inf, 1)', R.rem(F32, 0x7f800000, 0x3f800000), 0xffc00000, R.INVALID],
      ...perMode((m) => R.roundToInt(F32, 0x40200000, m, true), 'roundToInt(2.5)', {
        0: [0x40000000, I],
        1: [0x40000000, I],
        2: [0x40000000, I],
        3: [0x40400000, I],
        4: [0x40400000, I],
        6: [0x40400000, I],
      }),
      ...perMode((m) => R.roundToInt(F32, 0xbe99999a, m, true), 'roundToInt(-0.3)', {
        0: [0x80000000, I],
        1: [0x80000000, I],
        2: [0xbf800000, I],
        3: [0x80000000, I],
        4: [0x80000000, I],
        6: [0xbf800000, I],
      }),
      ['roundToInt(-2.5) odd', R.roundToInt(F32, 0xc0200000, 6, true), 0xc0400000, I],
      ['roundToInt(2.5) not exact', R.roundToInt(F32, 0x40200000, 0, false), 0x40000000, 0],
      ['logB(0)', R.logB(F32, 0), 0xff800000, R.INFINITE],
      ['logB(minsub)', R.logB(F32, 1), 0xc3150000, 0],
      ['logB(-inf)', R.logB(F32, 0xff800000), 0x7f800000, 0],
      ['logB(1.5)', R.logB(F32, 0x3fc00000), 0x00000000, 0],
      ['nextUp(-minsub)', R.nextUp(F32, 0x80000001), 0x80000000, 0],
      ['nextUp(max)', R.nextUp(F32, 0x7f7fffff), 0x7f800000, 0],
      ['nextUp(-inf)', R.nextUp(F32, 0xff800000), 0xff7fffff, 0],
      ['nextUp(-2)', R.nextUp(F32, 0xc0000000), 0xbfffffff, 0],
      ['nextDown(+0)', R.nextDown(F32, 0), 0x80000001, 0],
      ['nextDown(sNaN)', R.nextDown(F32, 0xff800001), 0xffc00001, R.INVALID],
    ]);
  });

  it('conversions: NaN payloads, integer conversions, round to odd on negative values', () => {
    expectCases([
      ['f32_to_f16(sNaN 1)', R.convert(F32, F16, 0x7f800001, 0), 0x7e00, R.INVALID],
      ['f32_to_f16(-qNaN 0x2000)', R.convert(F32, F16, 0xffc02000, 0), 0xfe01, 0],
      ['f16_to_f32(sNaN 1)', R.convert(F16, F32, 0x7c01, 0), 0x7fc02000, R.INVALID],
      ['f32_to_bf16(qNaN)', R.convert(F32, BF16, 0x7fc10000, 0), 0x7fc1, 0],
      ['bf16_to_f16(qNaN)', R.convert(BF16, F16, 0x7fc1, 0), 0x7e08, 0],
      ['f16_to_bf16(65504)', R.convert(F16, BF16, 0x7bff, 0), 0x4780, I],
    ]);
    const ints: [string, R.ValueResult<bigint>, bigint, number][] = [
      ['ui32(-0.5) nearest', R.toInt(F32, 0xbf000000, 'ui32', 0, true), 0n, I],
      ['ui32(-0.5) toward -inf', R.toInt(F32, 0xbf000000, 'ui32', 2, true), 0xffffffffn, R.INVALID],
      ['ui32(-0.5) odd', R.toInt(F32, 0xbf000000, 'ui32', 6, true), 0xffffffffn, R.INVALID],
      ['ui32(-0.5) not exact', R.toInt(F32, 0xbf000000, 'ui32', 0, false), 0n, 0],
      ['i32(2^31)', R.toInt(F32, 0x4f000000, 'i32', 0, true), -(2n ** 31n), R.INVALID],
      ['i32(-2^31)', R.toInt(F32, 0xcf000000, 'i32', 0, true), -(2n ** 31n), 0],
      ['i32(-2.5) odd', R.toInt(F32, 0xc0200000, 'i32', 6, true), -3n, I],
      ['i32(-3.5) odd', R.toInt(F32, 0xc0600000, 'i32', 6, true), -3n, I],
      ['i64(NaN)', R.toInt(F32, 0x7fc00000, 'i64', 0, true), -(2n ** 63n), R.INVALID],
      ['ui64(-inf)', R.toInt(F32, 0xff800000, 'ui64', 0, true), 2n ** 64n - 1n, R.INVALID],
      ['ui64(2^64 - 2^40)', R.toInt(F32, 0x5f7fffff, 'ui64', 0, true), 2n ** 64n - 2n ** 40n, 0],
    ];
    const bad = ints.filter(([, r, v, f]) => r.value !== v || r.flags !== f).map(([n, r]) => `${n}: ${r.value} ${r.flags}`);
    expect(bad).toEqual([]);
  });
});

/** Word ↔ host binary32 float. */
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
function bitsOf(x: number): number {
  f32[0] = x;
  return u32[0]!;
}
function valueOf(w: number): number {
  u32[0] = w;
  return f32[0]!;
}

describe('exact reference against binary32 hardware (round to nearest even)', () => {
  it('add, sub, mul, div, sqrt, conversion from double', () => {
    const bad: string[] = [];
    const cmp = (name: string, r: R.FloatResult, hw: number) => {
      const ok = Number.isNaN(hw) ? R.isNaNBits(F32, r.bits) : r.bits === bitsOf(hw);
      if (!ok && bad.length < 10) bad.push(`${name}: reference 0x${r.bits.toString(16)}, hardware 0x${bitsOf(hw).toString(16)}`);
    };
    for (const [a, b] of fc.sample(fc.tuple(floatArb(F32), floatArb(F32)), { numRuns: 20000, seed: 5 })) {
      const x = valueOf(a);
      const y = valueOf(b);
      cmp(`add ${a} ${b}`, R.add(F32, a, b, 0), Math.fround(x + y));
      cmp(`sub ${a} ${b}`, R.sub(F32, a, b, 0), Math.fround(x - y));
      cmp(`mul ${a} ${b}`, R.mul(F32, a, b, 0), Math.fround(x * y));
      cmp(`div ${a} ${b}`, R.div(F32, a, b, 0), Math.fround(x / y));
      cmp(`sqrt ${a}`, R.sqrt(F32, a, 0), Math.fround(Math.sqrt(x)));
    }
    for (const d of fc.sample(fc.double({ noNaN: true }), { numRuns: 20000, seed: 6 })) {
      cmp(`fromNumber ${d}`, R.fromNumber(F32, d, 0), Math.fround(d));
    }
    expect(bad).toEqual([]);
  });
});

describe('fast reference against the exact reference', () => {
  const same = (name: string, exact: R.FloatResult, fast: { bits: number; flagsBefore: number; flagsAfter: number }) =>
    exact.bits === fast.bits && exact.flags[0] === fast.flagsBefore && exact.flags[1] === fast.flagsAfter
      ? undefined
      : `${name}: exact 0x${exact.bits.toString(16)} [${exact.flags}], fast 0x${fast.bits.toString(16)} [${fast.flagsBefore},${fast.flagsAfter}]`;

  it('binary16 add and mul, bfloat16 mul (one-shot and two-step forms), every mode', () => {
    const bad: string[] = [];
    const pairs: [Format, 'add' | 'mul', [number, number][]][] = [
      [F16, 'add', fc.sample(addPairArb(F16), { numRuns: 6000, seed: 1 })],
      [F16, 'mul', fc.sample(mulPairArb(F16), { numRuns: 6000, seed: 2 })],
      [BF16, 'mul', fc.sample(mulPairArb(BF16), { numRuns: 6000, seed: 3 })],
    ];
    for (const [fmt, op, list] of pairs) {
      const two = new PairReference(fmt, op);
      for (const [a, b] of list) {
        two.prepare(a, b);
        for (const m of MODES) {
          const exact = op === 'add' ? R.add(fmt, a, b, m) : R.mul(fmt, a, b, m);
          const one = op === 'add' ? addFast(fmt, a, b, m) : mulFast(fmt, a, b, m);
          two.round(m);
          const e1 = same(`${fmt.name}_${op}(${a}, ${b}) mode ${m}`, exact, one);
          const e2 = same(`${fmt.name}_${op}(${a}, ${b}) mode ${m} [two-step]`, exact, two);
          if (e1 && bad.length < 10) bad.push(e1);
          if (e2 && bad.length < 10) bad.push(e2);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('binary16 and bfloat16 sqrt, roundToInt, conversions to other formats and integers, every mode', () => {
    const bad: string[] = [];
    for (const fmt of [F16, BF16]) {
      const other = fmt === F16 ? BF16 : F16;
      for (const a of fc.sample(fc.oneof(floatArb(fmt), sqrtArb(fmt), intBoundaryArb(fmt)), { numRuns: 6000, seed: 4 })) {
        for (const m of MODES) {
          const e1 = same(`${fmt.name}_sqrt(${a}) mode ${m}`, R.sqrt(fmt, a, m), sqrtFast(fmt, a, m));
          if (e1 && bad.length < 10) bad.push(e1);
          const rti = R.roundToInt(fmt, a, m, true);
          const fti = roundToIntFast(fmt, a, m, true);
          if ((rti.bits !== fti.bits || rti.flags[0] !== fti.flags) && bad.length < 10) {
            bad.push(`${fmt.name}_roundToInt(${a}) mode ${m}: exact 0x${rti.bits.toString(16)}, fast 0x${fti.bits.toString(16)}`);
          }
          const x = R.decode(fmt, a);
          if (x.kind !== 'finite') continue;
          const v = wordToDouble(fmt, a);
          for (const to of [F32, other]) {
            const e2 = same(`${fmt.name}→${to.name}(${a}) mode ${m}`, R.convert(fmt, to, a, m), roundDouble(to, v, m));
            if (e2 && bad.length < 10) bad.push(e2);
          }
          const { n, inexact } = roundDoubleToInteger(v, m);
          const ri = R.toInt(fmt, a, 'i64', m, true);
          const inRange = n >= -(2 ** 63) && n < 2 ** 63;
          if (inRange ? ri.value !== BigInt(n) || ri.flags !== (inexact ? 1 : 0) : ri.flags !== R.INVALID) {
            if (bad.length < 10) bad.push(`${fmt.name}_to_i64(${a}) mode ${m}: exact ${ri.value}, fast ${n}`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
