import { afterEach, describe, expect, it } from 'vitest';
import { env, type RoundingMode } from '../../src/env/environment.js';
import { bf16_cosh, f16_cosh, f32_cosh } from '../../src/math/cosh.js';
import { coshSinhCore } from '../../src/math/kernels/hyperbolic.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { F32, MODES } from '../reference/exact.js';
import { restore } from '../support/exhaustive.js';
import { hex } from '../support/harness.js';
import * as H from './bigref/hyperbolic.js';
import { makeReference, preciseResult } from './reference.js';
import './specs/cosh.js';
import { biasedF32, boundHolds, mathSuite, slowPathSuite } from './support.js';

const OPS = { f32: f32_cosh, f16: f16_cosh, bf16: bf16_cosh };
const REGIONS = [
  [-(2 ** -6), 2 ** -6],
  [2 ** -12, 2 ** -8],
  [-1, 1],
  [-8, 8],
  [1, 90],
  [-90, -1],
] as const;

mathSuite('cosh', OPS, REGIONS, [-(2 ** -10), 2 ** -10], true, 0.5);

afterEach(() => {
  zivStats.force = false;
  restore();
});


describe('cosh: special values and flags', () => {
  const cases: [number, number, number, number][] = [
    // [mode, a, result, flags]
    [0, 0x00000000, 0x3f800000, 0],
    [2, 0x80000000, 0x3f800000, 0],
    [0, 0x7f800000, 0x7f800000, 0],
    [0, 0xff800000, 0x7f800000, 0],
    [0, 0xff800001, 0xffc00001, 0x10],
    [0, 0x42b30000, 0x7f800000, 0x05],
    [1, 0xc2b30000, 0x7f7fffff, 0x05],
    [2, 0x42b30000, 0x7f7fffff, 0x05],
    [0, 0xff7fffff, 0x7f800000, 0x05],
    // Tiny: 1 nudged up, inexact only.
    [0, 0x00000001, 0x3f800000, 0x01],
    [3, 0x80000001, 0x3f800001, 0x01],
    [6, 0x39000000, 0x3f800001, 0x01],
    [1, 0x39000000, 0x3f800000, 0x01],
  ];
  it('binary32', () => {
    for (const [mode, a, want, flags] of cases) {
      env.roundingMode = mode as RoundingMode;
      env.flags = 0;
      const got = f32_cosh(a);
      expect([hex(F32, a), mode, hex(F32, got), env.flags]).toEqual([hex(F32, a), mode, hex(F32, want), flags]);
    }
  });
  it('the 16-bit formats: zeros exactly 1, infinities, overflow', () => {
    env.flags = 0;
    expect([f16_cosh(0x8000), bf16_cosh(0x0000), f16_cosh(0xfc00), bf16_cosh(0xff80), env.flags]).toEqual([0x3c00, 0x3f80, 0x7c00, 0x7f80, 0]);
    expect([f16_cosh(0xca00), env.flags]).toEqual([0x7c00, 0x05]);
  });
});

slowPathSuite('cosh', OPS, [[-89, 89], [-1, 1], [2 ** -12, 2 ** -9]]);


describe('cosh: the kernel error bound', () => {
  it('holds against the BigInt value on 3,000 binary32 arguments', () => {
    const bad: string[] = [];
    for (const a of biasedF32(3000, [[2 ** -12, 1], [1, 89.5], [2 ** -12, 2 ** -8]], 3)) {
      const x = a & 0x7fffffff;
      const expA = x >>> 23;
      if (expA < 0x7f - 12 || x >= 0x42b30000) continue;
      const m = (x & 0x7fffff) | 0x800000;
      const E = expA - 150;
      coshSinhCore(m, E, false);
      const [u, err] = boundHolds(H.cosh({ m: BigInt(m), e: E }));
      if (u > err) bad.push(`${hex(F32, x)}: ${u} units > ${err}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('cosh: reference self-check (doubles against BigInt)', () => {
  it('150 binary32 words, every mode', () => {
    const ref = makeReference(F32, 'cosh');
    const bad: string[] = [];
    for (const a of biasedF32(150, [[-90, 90], [-1, 1]], 5)) {
      for (const mode of MODES) {
        const fast = ref(a, mode);
        const exact = preciseResult(F32, 'cosh', a, mode);
        if (fast.bits !== exact.bits || fast.flagsAfter !== exact.flagsAfter || fast.flagsBefore !== exact.flagsBefore) {
          bad.push(`cosh(${hex(F32, a)}) mode ${mode}: double ${hex(F32, fast.bits)}, BigInt ${hex(F32, exact.bits)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
