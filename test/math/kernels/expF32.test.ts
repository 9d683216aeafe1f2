/**
 * The fast binary32 exponential kernel (src/math/kernels/expF32.ts) against BigInt: its table, its polynomial on the
 * reduced argument, its reduction, the float register within the stated bound EXPF32_ERR on binary32 words biased
 * to the hard places (ends of the reduction intervals, table edges, the smallest and largest arguments, the e^(c·x)
 * forms the tanh and sigmoid paths use), and the fast path's undecided rate.
 */
import { describe, expect, it } from 'vitest';
import { R } from '../../../src/math/kernels/fixed.js';
import { FX, fx } from '../../../src/math/kernels/float.js';
import {
  EXPF32,
  EXPF32_ERR,
  expF32,
  expF32Assemble,
  expF32Poly,
  expF32Reduce,
  expF32State,
} from '../../../src/math/kernels/expF32.js';
import { finishF32, zivStats } from '../../../src/math/kernels/round.js';
import { EXP2_FRAC } from '../../../src/math/kernels/tables.js';
import { boundHolds, rng } from '../support.js';
import { EXP2_J, LN2, LOG2E, ONE, P, exactExp, expSmall } from './support.js';

/** |register − e^x| in units of the register's last bit (plus 2^-60 for the reference's own error, far smaller). */
function registerError(neg: number, m: number, E: number): number {
  const ex = exactExp(neg, m, E);
  const sig = (BigInt(R[FX]!) << 32n) | BigInt(R[FX + 1]!);
  // ex.m·2^ex.e against sig·2^(fx.e − 63), with 64 fraction bits below sig's unit.
  const d = ex.e - (fx.e - 63) + 64;
  const scaled = d >= 0 ? ex.m << BigInt(d) : ex.m >> BigInt(-d);
  const diff = scaled - (sig << 64n);
  return Number(diff < 0n ? -diff : diff) / 2 ** 64 + 2 ** -60;
}

function split(w: number): [number, number, number] {
  const e = (w >>> 23) & 0xff;
  return [w >>> 31, (w & 0x7fffff) | 0x800000, e - 150];
}

/** Every binary32 word with 2^-26 <= |x| < 128 reaches the fast path of f32_exp (E = −49 … −17). */
function inExpDomain(w: number): boolean {
  const e = (w >>> 23) & 0xff;
  return e >= 0x7f - 26 && e < 0x86;
}

describe('expF32 kernel', () => {
  it('table: G within 0.75 units of 2^(j/256)·2^63, Gr within 0.4936 units of 2^(j/256)·2^31', () => {
    let worstG = 0;
    let worstGr = 0;
    for (let j = 0; j < 256; j++) {
      const frac = (BigInt(EXP2_FRAC[2 * j]!) << 32n) | BigInt(EXP2_FRAC[2 * j + 1]!);
      const g = ((1n << 64n) + frac) >> 1n;
      const gr = (g + (1n << 31n)) >> 32n;
      const exact = EXP2_J[j]!;
      const dG = Number((g << (P - 63n)) - exact) / 2 ** Number(P - 63n);
      const dGr = Number((gr << (P - 31n)) - exact) / 2 ** Number(P - 31n);
      worstG = Math.max(worstG, Math.abs(dG));
      worstGr = Math.max(worstGr, Math.abs(dGr));
      expect(gr < 1n << 32n).toBe(true);
    }
    expect(worstG).toBeLessThan(0.75);
    expect(worstGr).toBeLessThan(0.4936);
  });

  it('polynomial: |P·2^-40 − (2^ρ − 1)| < 1.11·2^-40 for R = ρ·2^40 at the ends and 200,000 random values', () => {
    const next = rng(11);
    const rs: number[] = [0, 1, 2, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffeffff, 0xffff0000, 0xffffffff];
    for (let i = 0; i < 2000; i++) rs.push(0xffffffff - i, (i * 0x20c49b) >>> 0);
    for (let i = 0; i < 200_000; i++) rs.push(next());
    let lo = 0;
    let hi = 0;
    for (const r of rs) {
      EXPF32[0] = r;
      expF32Poly();
      // 2^ρ − 1 at 2^P scale; ρ = r·2^-40.
      const exact = expSmall((BigInt(r) * LN2) >> 40n) - ONE;
      const d = Number((BigInt(EXPF32[1]!) << (P - 40n)) - exact) / 2 ** Number(P - 40n);
      lo = Math.min(lo, d);
      hi = Math.max(hi, d);
    }
    expect(lo).toBeGreaterThan(-1.11);
    expect(hi).toBeLessThan(1.11);
    // Both ends of the proven range are nearly reached.
    expect(lo).toBeLessThan(-1.05);
    expect(hi).toBeGreaterThan(1.05);
  });

  it('assembly: the largest register (j = 255, R = 2^32 − 1) stays below 2^64, the least (j = 0, R = 0) is 2^63', () => {
    expF32State.k = 255;
    EXPF32[0] = 0xffffffff;
    expF32Poly();
    const p = BigInt(EXPF32[1]!);
    expF32Assemble();
    const frac = (BigInt(EXP2_FRAC[510]!) << 32n) | BigInt(EXP2_FRAC[511]!);
    const g = ((1n << 64n) + frac) >> 1n;
    const w = g + (((g + (1n << 31n)) >> 32n) * p >> 8n);
    expect(w < 1n << 64n).toBe(true);
    expect((BigInt(R[FX]!) << 32n) | BigInt(R[FX + 1]!)).toBe(w);
    expF32State.k = 0;
    EXPF32[0] = 0;
    expF32Poly();
    expF32Assemble();
    expect([R[FX], R[FX + 1], fx.e]).toEqual([0x80000000, 0, 0]);
  });

  it('reduction: K/256 + R·2^-40 within 1.0005·2^-40 of x·log2(e), over the whole domain E = −72 … −16', () => {
    const next = rng(5);
    let worst = 0;
    for (let i = 0; i < 100_000; i++) {
      const neg = i & 1;
      const m = i < 1000 ? 0xffffff - i : (next() & 0xffffff) | 0x800000;
      const E = -16 - (i % 57);
      expF32Reduce(neg, m, E);
      let t = BigInt(m) * LOG2E;
      t = t >> BigInt(-E);
      if (neg) t = -t;
      const tu = (BigInt(expF32State.k) << (P - 8n)) + (BigInt(EXPF32[0]!) << (P - 40n));
      const d = Math.abs(Number(tu - t) / 2 ** Number(P - 40n));
      worst = Math.max(worst, d);
    }
    expect(worst).toBeLessThan(1.0005);
  });

  it('register within EXPF32_ERR units on binary32 words biased to the hard places, and e^(±2x)', () => {
    const words: number[] = [];
    const f = new Float32Array(1);
    const u = new Uint32Array(f.buffer);
    const nextUp = (w: number, d: number) => (w + d) >>> 0;
    // The binary32 words next to x = K·ln2/256 (ends of the reduction intervals; every table entry, j = 0 and 255
    // among them): every K near 0 and every 7th elsewhere in [-104, 89].
    for (let K = -38_400; K <= 32_800; K++) {
      if (K === 0 || (Math.abs(K) > 3000 && K % 7 !== 0)) continue;
      f[0] = (K * Math.LN2) / 256;
      words.push(u[0]!, nextUp(u[0]!, 1), nextUp(u[0]!, -1));
    }
    // The smallest and largest arguments of the fast path, and the overflow and underflow thresholds.
    for (const x of [2 ** -26, 2 ** -17, 88.72283, 89, -87.33654, -103.97208, -104, 127.99999, -127.99999]) {
      f[0] = x;
      for (let d = -300; d <= 300; d++) words.push(nextUp(u[0]!, d), (nextUp(u[0]!, d) ^ 0x80000000) >>> 0);
    }
    const next = rng(3);
    for (let i = 0; i < 20_000; i++) {
      f[0] = -104 + ((next() >>> 8) / 2 ** 24) * 193;
      words.push(u[0]!);
    }
    const bad: string[] = [];
    let worst = 0;
    let count = 0;
    const check = (neg: number, m: number, E: number, label: string) => {
      expF32(neg, m, E);
      const e = registerError(neg, m, E);
      const [looser, err] = boundHolds(exactExp(neg, m, E));
      count++;
      worst = Math.max(worst, e / err);
      if (!(e < err) || !(looser < err) || R[FX]! < 0x80000000) bad.push(`${label}: ${e} units, bound ${err}`);
    };
    for (const w of words) {
      if (!inExpDomain(w)) continue;
      const [s, m, E] = split(w);
      check(s, m, E, `e^x, x = ${w.toString(16)}`);
    }
    // e^(−2|x|) (tanh) for |x| < 16 and e^(−x), e^(2x) at the domain's end (E = −16: |2x| < 512).
    for (let i = 0; i < 20_000; i++) {
      f[0] = ((next() >>> 8) / 2 ** 24) * 16;
      const [, m, E] = split(u[0]!);
      if (E < -72) continue;
      check(1, m, E + 1, `e^(-2x), x = ${u[0]!.toString(16)}`);
      check(0, m, E + 1, `e^(2x), x = ${u[0]!.toString(16)}`);
    }
    for (let i = 0; i < 2000; i++) {
      const m = (next() & 0xffffff) | 0x800000;
      check(i & 1, m, -16, `E = -16, m = ${m}`);
      check(i & 1, m, -72, `E = -72, m = ${m}`);
    }
    console.log(`expF32 register: ${count} arguments, largest error ${(worst * 100).toFixed(1)}% of EXPF32_ERR`);
    expect(bad.slice(0, 10)).toEqual([]);
    expect(count).toBeGreaterThan(100_000);
    // The bound is not loose: the worst case found uses most of it.
    expect(worst).toBeGreaterThan(0.5);
    expect(EXPF32_ERR).toBe(0x2280000);
  });

  it('undecided rate: finishF32 returns -1 from the fast path on fewer than 1 in 2,000 of a million random arguments', () => {
    const next = rng(99);
    const f = new Float32Array(1);
    const u = new Uint32Array(f.buffer);
    const hard0 = zivStats.hard;
    let missesUniform = 0;
    let missesWords = 0;
    let nWords = 0;
    for (let i = 0; i < 1_000_000; i++) {
      // A value uniform in [-104, 89], rounded to binary32.
      f[0] = -104 + ((next() >>> 8) / 2 ** 24) * 193;
      const [s, m, E] = split(u[0]!);
      if (inExpDomain(u[0]!)) {
        expF32(s, m, E);
        if (finishF32(0) < 0) missesUniform++;
      }
      // A binary32 word uniform among those in [-104, 89] that reach the fast path.
      const w = next();
      f[0] = 0;
      u[0] = w;
      if (inExpDomain(w) && f[0]! >= -104 && f[0]! <= 89) {
        nWords++;
        const [s2, m2, E2] = split(w);
        expF32(s2, m2, E2);
        if (finishF32(0) < 0) missesWords++;
      }
    }
    zivStats.hard = hard0;
    console.log(
      `expF32 undecided: ${missesUniform} of 1,000,000 uniform values in [-104, 89]; ${missesWords} of ${nWords} uniform words`,
    );
    expect(missesUniform).toBeLessThan(500);
    expect(missesWords).toBeLessThan(nWords / 2000);
  });
});
