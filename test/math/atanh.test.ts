import { afterEach, describe, expect, it } from 'vitest';
import { env, type RoundingMode } from '../../src/env/environment.js';
import { bf16_atanh, f16_atanh, f32_atanh } from '../../src/math/atanh.js';
import { atanhCore } from '../../src/math/kernels/hyperbolic.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { F32, MODES } from '../reference/exact.js';
import { restore } from '../support/exhaustive.js';
import { hex } from '../support/harness.js';
import * as H from './bigref/hyperbolic.js';
import { makeReference, preciseResult } from './reference.js';
import './specs/atanh.js';
import { biasedF32, boundHolds, mathSuite, slowPathSuite } from './support.js';

const OPS = { f32: f32_atanh, f16: f16_atanh, bf16: bf16_atanh };
const REGIONS = [
  [-(2 ** -6), 2 ** -6],
  [2 ** -12, 2 ** -8],
  [-1, 1],
  [0.99, 1],
  [-1, -0.999],
  [-2, 2],
] as const;

mathSuite('atanh', OPS, REGIONS, [-(2 ** -10), 2 ** -10], true, 0.5);

afterEach(() => {
  zivStats.force = false;
  restore();
});


describe('atanh: special values and flags', () => {
  const cases: [number, number, number, number][] = [
    // [mode, a, result, flags]
    [0, 0x00000000, 0x00000000, 0],
    [0, 0x80000000, 0x80000000, 0],
    [0, 0x3f800000, 0x7f800000, 0x08],
    [1, 0xbf800000, 0xff800000, 0x08],
    [0, 0x3f800001, 0xffc00000, 0x10],
    [0, 0x7f800000, 0xffc00000, 0x10],
    [0, 0xff800000, 0xffc00000, 0x10],
    [0, 0x7fa00000, 0x7fe00000, 0x10],
    // Tiny: x nudged away from zero; subnormals underflow.
    [0, 0x00000001, 0x00000001, 0x03],
    [3, 0x00000001, 0x00000002, 0x03],
    [2, 0x80000001, 0x80000002, 0x03],
    [3, 0x39000000, 0x39000001, 0x01],
    // atanh(1 − 2^-24) = ln(2^25 − 1)/2 ≈ 8.6643397.
    [0, 0x3f7fffff, 0x410aa123, 0x01],
  ];
  it('binary32', () => {
    for (const [mode, a, want, flags] of cases) {
      env.roundingMode = mode as RoundingMode;
      env.flags = 0;
      const got = f32_atanh(a);
      expect([hex(F32, a), mode, hex(F32, got), env.flags]).toEqual([hex(F32, a), mode, hex(F32, want), flags]);
    }
  });
  it('the 16-bit formats: poles and domain', () => {
    env.flags = 0;
    expect([f16_atanh(0x3c00), bf16_atanh(0xbf80), env.flags]).toEqual([0x7c00, 0xff80, 0x08]);
    env.flags = 0;
    expect([f16_atanh(0x3c01), bf16_atanh(0xff80), env.flags]).toEqual([0xfe00, 0xffc0, 0x10]);
  });
});

slowPathSuite('atanh', OPS, [[-1, 1], [0.99, 1], [2 ** -12, 2 ** -9]]);


describe('atanh: the kernel error bounds', () => {
  it('hold against the BigInt value on 3,000 binary32 arguments', () => {
    const bad: string[] = [];
    for (const a of biasedF32(3000, [[2 ** -12, 1], [0.99, 1], [2 ** -12, 2 ** -8], [2 ** -10, 2 ** -4]], 3)) {
      const x = a & 0x7fffffff;
      const expA = x >>> 23;
      if (expA < 0x7f - 12 || expA >= 0x7f) continue;
      const m = (x & 0x7fffff) | 0x800000;
      const E = expA - 150;
      atanhCore(m, E, 24);
      const [u, err] = boundHolds(H.atanh({ m: BigInt(m), e: E }));
      if (u > err) bad.push(`${hex(F32, x)}: ${u} units > ${err}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('atanh: reference self-check (doubles against BigInt)', () => {
  it('150 binary32 words, every mode', () => {
    const ref = makeReference(F32, 'atanh');
    const bad: string[] = [];
    for (const a of biasedF32(150, [[-1, 1], [0.99, 1]], 5)) {
      for (const mode of MODES) {
        const fast = ref(a, mode);
        const exact = preciseResult(F32, 'atanh', a, mode);
        if (fast.bits !== exact.bits || fast.flagsAfter !== exact.flagsAfter || fast.flagsBefore !== exact.flagsBefore) {
          bad.push(`atanh(${hex(F32, a)}) mode ${mode}: double ${hex(F32, fast.bits)}, BigInt ${hex(F32, exact.bits)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
