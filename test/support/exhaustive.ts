/**
 * Exhaustive checks over all 65,536 words of a 16-bit format, written as tight loops (the environment is set once
 * per rounding mode and flags are cleared through `env` directly) so that millions of cases take seconds.
 *
 * Float results are compared with the fast double-based reference (test/reference/fast.ts), whose agreement with the
 * exact reference is itself checked in test/reference/reference.test.ts.
 */
import { describe, it } from 'vitest';
import { env, type NaNMode, type RoundingMode, type Tininess } from '../../src/env/environment.js';
import * as R from '../reference/exact.js';
import { MODES, type Format, type Mode } from '../reference/exact.js';
import {
  isNaNWord,
  PairReference,
  propagateFast,
  roundDouble,
  roundDoubleToInteger,
  sqrtFast,
  wordToDouble,
  type FastResult,
} from '../reference/fast.js';
import { flagNames, hex, modeName } from './harness.js';

export class ExhaustiveMismatch extends Error {}

export const ALL16: number[] = Array.from({ length: 0x10000 }, (_, i) => i);

function setRaw(mode: Mode, tininess: Tininess, nanMode: NaNMode): void {
  env.roundingMode = mode as RoundingMode;
  env.tininess = tininess;
  env.nanMode = nanMode;
  env.flags = 0;
}

export function restore(): void {
  setRaw(0, 1, 0);
}

/** Up to `limit` failure descriptions, collected so that a broken operation reports several inputs at once. */
export class Failures {
  readonly lines: string[] = [];
  count = 0;
  constructor(readonly limit = 12) {}
  /** Record a failure; the description is only built for the first `limit` ones. */
  add(line: string | (() => string)): void {
    this.count++;
    if (this.lines.length < this.limit) this.lines.push(typeof line === 'string' ? line : line());
  }
  check(what: string): void {
    restore();
    if (this.count > 0) {
      throw new ExhaustiveMismatch(`${what}: ${this.count} mismatches, first ones:\n  ${this.lines.join('\n  ')}`);
    }
  }
}

function defaultNaNOf(fmt: Format, bits: number): number {
  return bits % fmt.signBit > fmt.expMask ? fmt.nanModeNaN : bits;
}

/**
 * Check a float-valued operation on a list of operand tuples in every rounding mode. Tininess after rounding with
 * 8086-SSE NaNs is checked for every input; tininess before rounding for every input whose two expected flag sets
 * differ plus every 7th input; default-NaN mode for every input with a NaN result.
 */
export function exhaustiveFloat(
  fmt: Format,
  op: string,
  inputs: readonly number[],
  call: (a: number) => number,
  ref: (a: number, mode: Mode) => FastResult,
  show: (a: number) => string = (a) => hex(fmt, a),
  fails = new Failures(),
): Failures {
  for (const mode of MODES) {
    for (let i = 0; i < inputs.length; i++) {
      const a = inputs[i]!;
      const r = ref(a, mode);
      const report = (t: Tininess, n: NaNMode, got: number, flags: number, bits: number, expFlags: number) =>
        fails.add(() =>
          `${op}(${show(a)}) mode=${modeName(mode)} tininess=${t === 0 ? 'before' : 'after'} nan=${
            n === 0 ? '8086-SSE' : 'default'
          }: got ${hex(fmt, got)} ${flagNames(flags)}, expected ${hex(fmt, bits)} ${flagNames(expFlags)}`,
        );
      setRaw(mode, 1, 0);
      let got = call(a);
      if (got !== r.bits || env.flags !== r.flagsAfter) report(1, 0, got, env.flags, r.bits, r.flagsAfter);
      const isNaN = r.bits % fmt.signBit > fmt.expMask;
      if (r.flagsBefore !== r.flagsAfter || i % 7 === 0 || isNaN) {
        setRaw(mode, 0, 1);
        got = call(a);
        const bits = defaultNaNOf(fmt, r.bits);
        if (got !== bits || env.flags !== r.flagsBefore) report(0, 1, got, env.flags, bits, r.flagsBefore);
      }
    }
  }
  restore();
  return fails;
}

/**
 * Check an operation whose rounding mode is an argument (or that does not round) on every input and every mode.
 * The environment's own rounding mode is set to a different mode to catch an operation that reads it.
 */
export function exhaustiveModeArg<T>(
  op: string,
  inputs: readonly number[],
  call: (a: number, mode: Mode) => T,
  ref: (a: number, mode: Mode, nanMode: NaNMode) => { value: T; flags: number },
  show: (a: number) => string,
  showResult: (v: T) => string = String,
  modes: readonly Mode[] = MODES,
  fails = new Failures(),
  nanModes: readonly NaNMode[] = [0, 1],
): Failures {
  for (const mode of modes) {
    const envMode = MODES[(MODES.indexOf(mode) + 3) % MODES.length]!;
    for (const nanMode of nanModes) {
      setRaw(envMode, nanMode === 0 ? 1 : 0, nanMode);
      for (let i = 0; i < inputs.length; i++) {
        const a = inputs[i]!;
        const r = ref(a, mode, nanMode);
        env.flags = 0;
        const got = call(a, mode);
        if (got !== r.value || env.flags !== r.flags) {
          const flags = env.flags;
          fails.add(() =>
            `${op}(${show(a)}) mode argument ${modeName(mode)}, env mode ${modeName(envMode)} nan=${
              nanMode === 0 ? '8086-SSE' : 'default'
            }: got ${showResult(got)} ${flagNames(flags)}, expected ${showResult(r.value)} ${flagNames(r.flags)}`,
          );
        }
      }
    }
  }
  restore();
  return fails;
}

// ---------------------------------------------------------------------------------------------------------------
// Suites

/** The exact reference's result in the fast form (for operations that do not depend on the rounding mode). */
export function fromExact(r: R.FloatResult): FastResult {
  return { bits: r.bits, flagsBefore: r.flags[0], flagsAfter: r.flags[1] };
}

/** Memoize a mode-independent reference over all 65,536 words. */
export function table(ref: (a: number) => FastResult): FastResult[] {
  return ALL16.map(ref);
}

/** roundToInt by the definition, on doubles. */
export function roundToIntFast(fmt: Format, a: number, mode: Mode, exact: boolean): { bits: number; flags: number } {
  if (isNaNWord(fmt, a)) {
    const r = propagateFast(fmt, a, 0);
    return { bits: r.bits, flags: r.flagsAfter };
  }
  const mag = a % fmt.signBit;
  if (mag === 0 || mag === fmt.expMask) return { bits: a, flags: 0 };
  const { n, inexact } = roundDoubleToInteger(wordToDouble(fmt, a), mode);
  const bits = n === 0 ? a - mag : roundDouble(fmt, n, 0).bits;
  return { bits, flags: exact && inexact ? 0x01 : 0 };
}

export interface Unary16 {
  sqrt: (a: number) => number;
  roundToInt: (a: number, mode: RoundingMode, exact: boolean) => number;
  scaleB: (a: number, n: number) => number;
  nextUp: (a: number) => number;
  nextDown: (a: number) => number;
  logB: (a: number) => number;
}

export function exhaustiveUnarySuite(fmt: Format, ops: Unary16, scaleExponents: readonly number[]): void {
  const f = fmt.name;
  describe(`${f} unary operations on all 65,536 words`, () => {
    it('sqrt, every rounding mode', () => {
      exhaustiveFloat(fmt, `${f}_sqrt`, ALL16, ops.sqrt, (a, m) => sqrtFast(fmt, a, m)).check(`${f}_sqrt`);
    });

    it('roundToInt, every rounding mode, exact and not', () => {
      const fails = new Failures();
      for (const exact of [false, true]) {
        exhaustiveModeArg(
          `${f}_roundToInt[exact=${exact}]`,
          ALL16,
          (a, m) => ops.roundToInt(a, m as RoundingMode, exact),
          (a, m, nanMode) => {
            const r = roundToIntFast(fmt, a, m, exact);
            return { value: nanMode === 1 && isNaNWord(fmt, r.bits) ? fmt.nanModeNaN : r.bits, flags: r.flags };
          },
          (a) => hex(fmt, a),
          (v) => hex(fmt, v),
          MODES,
          fails,
        );
      }
      fails.check(`${f}_roundToInt`);
    });

    it('nextUp, nextDown, logB', () => {
      const fails = new Failures();
      const up = table((a) => fromExact(R.nextUp(fmt, a)));
      const down = table((a) => fromExact(R.nextDown(fmt, a)));
      const logB = table((a) => fromExact(R.logB(fmt, a)));
      exhaustiveFloat(fmt, `${f}_nextUp`, ALL16, ops.nextUp, (a) => up[a]!, undefined, fails);
      exhaustiveFloat(fmt, `${f}_nextDown`, ALL16, ops.nextDown, (a) => down[a]!, undefined, fails);
      exhaustiveFloat(fmt, `${f}_logB`, ALL16, ops.logB, (a) => logB[a]!, undefined, fails);
      fails.check(`${f}_nextUp / nextDown / logB`);
    });

    it(`scaleB by ${scaleExponents.length} exponents, every rounding mode`, () => {
      const fails = new Failures();
      for (const n of scaleExponents) {
        // |n| beyond 600 behaves like ±600 for every finite word of these formats (and keeps the double finite)
        const k = Math.max(-600, Math.min(600, n));
        exhaustiveFloat(
          fmt,
          `${f}_scaleB[n=${n}]`,
          ALL16,
          (a) => ops.scaleB(a, n),
          (a, m) => {
            const mag = a % fmt.signBit;
            if (mag > fmt.expMask) return propagateFast(fmt, a, 0);
            if (mag === 0 || mag === fmt.expMask) return { bits: a, flagsBefore: 0, flagsAfter: 0 };
            return roundDouble(fmt, wordToDouble(fmt, a) * 2 ** k, m);
          },
          undefined,
          fails,
        );
      }
      fails.check(`${f}_scaleB`);
    });
  });
}

/**
 * Check a binary operation on every pair (h, w) and (w, h) with h from `hard` and w any of the 65,536 words, in every
 * rounding mode. Tininess after rounding and 8086-SSE NaNs always; tininess before rounding whenever the expected
 * flags differ or the result is below twice the smallest normal; default-NaN mode for every NaN result.
 */
export function exhaustivePairs(
  fmt: Format,
  op: string,
  hard: readonly number[],
  call: (a: number, b: number) => number,
  ref: PairReference,
): void {
  const fails = new Failures();
  const twiceMinNormal = 2 * 2 ** (fmt.p - 1);
  const report = (a: number, b: number, mode: Mode, setting: string, got: number, flags: number, bits: number, expFlags: number) =>
    fails.add(() =>
      `${op}(${hex(fmt, a)}, ${hex(fmt, b)}) mode=${modeName(mode)} ${setting}: got ${hex(fmt, got)} ${flagNames(flags)}, expected ${hex(fmt, bits)} ${flagNames(expFlags)}`,
    );
  setRaw(0, 1, 0);
  for (const h of hard) {
    for (let w = 0; w < 0x10000; w++) {
      for (let order = 0; order < 2; order++) {
        const a = order === 0 ? h : w;
        const b = order === 0 ? w : h;
        ref.prepare(a, b);
        for (let i = 0; i < MODES.length; i++) {
          const mode = MODES[i]!;
          ref.round(mode);
          env.roundingMode = mode as RoundingMode;
          env.flags = 0;
          let got = call(a, b);
          if (got !== ref.bits || env.flags !== ref.flagsAfter) {
            report(a, b, mode, 'tininess=after nan=8086-SSE', got, env.flags, ref.bits, ref.flagsAfter);
          }
          const mag = ref.bits % fmt.signBit;
          if (ref.flagsBefore !== ref.flagsAfter || mag < twiceMinNormal) {
            env.tininess = 0;
            env.flags = 0;
            got = call(a, b);
            env.tininess = 1;
            if (got !== ref.bits || env.flags !== ref.flagsBefore) {
              report(a, b, mode, 'tininess=before nan=8086-SSE', got, env.flags, ref.bits, ref.flagsBefore);
            }
          }
          if (mag > fmt.expMask) {
            env.nanMode = 1;
            env.flags = 0;
            got = call(a, b);
            env.nanMode = 0;
            if (got !== fmt.nanModeNaN || env.flags !== ref.flagsAfter) {
              report(a, b, mode, 'nan=default', got, env.flags, fmt.nanModeNaN, ref.flagsAfter);
            }
          }
        }
      }
    }
  }
  fails.check(op);
}

/** About a hundred binary16 words where addition and multiplication are hard: both signs of each magnitude. */
export const HARD_F16: readonly number[] = [
  0x0000, 0x0001, 0x0002, 0x0003, 0x01ff, 0x0200, 0x0201, 0x03fe, 0x03ff, 0x0400, 0x0401, 0x0402, 0x05ff, 0x07ff,
  0x0800, 0x0801, 0x0c00, 0x1000, 0x1400, 0x1555, 0x2000, 0x2aaa, 0x3555, 0x3800, 0x3bff, 0x3c00, 0x3c01, 0x3c02,
  0x3dff, 0x3e00, 0x3fff, 0x4000, 0x4001, 0x4200, 0x4d2d, 0x5555, 0x6000, 0x6bff, 0x7000, 0x77ff, 0x7800, 0x7801,
  0x7bfe, 0x7bff, 0x7c00, 0x7c01, 0x7dff, 0x7e00, 0x7e01, 0x7fff,
].flatMap((m) => [m, m | 0x8000]);

/** The bfloat16 counterpart of {@link HARD_F16}. */
export const HARD_BF16: readonly number[] = [
  0x0000, 0x0001, 0x0002, 0x0003, 0x003f, 0x0040, 0x0041, 0x007e, 0x007f, 0x0080, 0x0081, 0x0082, 0x00bf, 0x00ff,
  0x0100, 0x0101, 0x0180, 0x1f80, 0x2000, 0x2055, 0x2aaa, 0x3eaa, 0x3f00, 0x3f7f, 0x3f80, 0x3f81, 0x3f82, 0x3fbf,
  0x3fc0, 0x3fff, 0x4000, 0x4001, 0x4040, 0x4d2d, 0x5555, 0x6000, 0x5f7f, 0x7e00, 0x7eff, 0x7f00, 0x7f01, 0x7f7e,
  0x7f7f, 0x7f80, 0x7f81, 0x7fbf, 0x7fc0, 0x7fc1, 0x7fff, 0x0f80,
].flatMap((m) => [m, m | 0x8000]);
