/**
 * Running an operation of the library under a given environment and comparing it with the reference.
 *
 * Checks throw an Error that names the operation, the operands, the rounding mode, tininess and NaN mode, and the
 * result and flags obtained and expected, so that fast-check's counterexample report is a complete bug report.
 */
import {
  clearFlags,
  getFlags,
  setFlags,
  setNaNMode,
  setRoundingMode,
  setTininess,
  type NaNMode,
  type RoundingMode,
  type Tininess,
} from '../../src/env/environment.js';
import { MODES, nanDefaultOf, type FloatResult, type Format, type Mode } from '../reference/exact.js';

export { MODES };

/** How many property runs to do: the base count times FPULESS_RUNS (default 1; raise it for a soak run). */
export function runs(base: number): number {
  const factor = Number(process.env.FPULESS_RUNS ?? '1');
  return Math.max(1, Math.round(base * (Number.isFinite(factor) && factor > 0 ? factor : 1)));
}

export function hex(fmt: Format | number, x: number): string {
  const width = typeof fmt === 'number' ? fmt : fmt.width;
  return '0x' + (x >>> 0).toString(16).padStart(width / 4, '0');
}

export function flagNames(f: number): string {
  const names: string[] = [];
  if (f & 0x10) names.push('invalid');
  if (f & 0x08) names.push('infinite');
  if (f & 0x04) names.push('overflow');
  if (f & 0x02) names.push('underflow');
  if (f & 0x01) names.push('inexact');
  return names.length ? names.join('|') : 'none';
}

const MODE_NAMES: Record<number, string> = {
  0: 'near_even',
  1: 'minMag',
  2: 'min',
  3: 'max',
  4: 'near_maxMag',
  6: 'odd',
};
export function modeName(m: number): string {
  return MODE_NAMES[m] ?? String(m);
}

export interface EnvSetting {
  mode: Mode;
  tininess: Tininess;
  nanMode: NaNMode;
}

export function describeEnv(s: EnvSetting): string {
  return `mode=${modeName(s.mode)} tininess=${s.tininess === 0 ? 'before' : 'after'} nan=${
    s.nanMode === 0 ? '8086-SSE' : 'default'
  }`;
}

export function setEnv(s: EnvSetting): void {
  setRoundingMode(s.mode as RoundingMode);
  setTininess(s.tininess);
  setNaNMode(s.nanMode);
  clearFlags();
}

/** Restore the library's initial environment (near_even, after rounding, 8086-SSE, no flags). */
export function resetEnv(): void {
  setEnv({ mode: 0, tininess: 1, nanMode: 0 });
}

/**
 * The two environments every float-valued operation is run in for each rounding mode: tininess after rounding with
 * 8086-SSE NaNs, and tininess before rounding with default NaNs. Tininess only matters for tiny results and the NaN
 * mode only for NaN results, so the pair covers both settings of each for every input.
 */
export const SETTINGS_PER_MODE: readonly [Tininess, NaNMode][] = [
  [1, 0],
  [0, 1],
];

export class Mismatch extends Error {}

function fail(lines: string[]): never {
  throw new Mismatch(lines.join('\n  '));
}

/**
 * Check a float-valued operation of the current rounding mode against the reference in every rounding mode, both
 * tininess settings and both NaN modes.
 *
 * @param call runs the operation on the operands (it reads the environment's rounding mode)
 * @param ref the reference result for a rounding mode
 */
export function checkFloat(
  fmt: Format,
  op: string,
  operands: readonly number[],
  call: () => number,
  ref: (mode: Mode) => FloatResult,
  operandFormat: Format | number = fmt,
): void {
  for (const mode of MODES) {
    const expected = ref(mode);
    for (const [tininess, nanMode] of SETTINGS_PER_MODE) {
      setEnv({ mode, tininess, nanMode });
      const got = call();
      const flags = getFlags();
      const bits = nanMode === 1 ? nanDefaultOf(fmt, expected.bits) : expected.bits;
      const expFlags = expected.flags[tininess];
      if (got !== bits || flags !== expFlags) {
        fail([
          `${op}(${operands.map((o) => hex(operandFormat, o)).join(', ')}) ${describeEnv({ mode, tininess, nanMode })}`,
          `got      ${typeof got === 'number' ? hex(fmt, got) : String(got)} flags ${flagNames(flags)}`,
          `expected ${hex(fmt, bits)} flags ${flagNames(expFlags)}`,
        ]);
      }
    }
  }
  resetEnv();
}

/**
 * Check an operation that takes its rounding mode as an argument (roundToInt, conversions to integers) or does not
 * round at all: `call(mode)` runs it, `ref(mode)` gives the expected result. The environment's rounding mode is set
 * to a different mode on purpose, so that an operation reading it instead of its argument is caught.
 */
export function checkWithModeArg<T>(
  op: string,
  operands: string,
  call: (mode: Mode) => T,
  ref: (mode: Mode, nanMode: NaNMode) => { value: T; flags: number },
  show: (v: T) => string = String,
  modes: readonly Mode[] = MODES,
): void {
  for (const mode of modes) {
    for (const [tininess, nanMode] of SETTINGS_PER_MODE) {
      const expected = ref(mode, nanMode);
      const envMode = MODES[(MODES.indexOf(mode) + 3) % MODES.length]!;
      setEnv({ mode: envMode, tininess, nanMode });
      const got = call(mode);
      const flags = getFlags();
      if (got !== expected.value || flags !== expected.flags) {
        fail([
          `${op}(${operands}) mode argument ${modeName(mode)}, ${describeEnv({ mode: envMode, tininess, nanMode })}`,
          `got      ${show(got)} flags ${flagNames(flags)}`,
          `expected ${show(expected.value)} flags ${flagNames(expected.flags)}`,
        ]);
      }
    }
  }
  resetEnv();
}

/** Check a result that does not depend on the rounding mode (comparisons, classification, sign operations). */
export function checkValue<T>(
  op: string,
  operands: string,
  call: () => T,
  expected: { value: T; flags: number },
  show: (v: T) => string = String,
): void {
  for (const [tininess, nanMode] of SETTINGS_PER_MODE) {
    for (const mode of [0, 2] as const) {
      setEnv({ mode, tininess, nanMode });
      const got = call();
      const flags = getFlags();
      if (got !== expected.value || flags !== expected.flags) {
        fail([
          `${op}(${operands}) ${describeEnv({ mode, tininess, nanMode })}`,
          `got      ${show(got)} flags ${flagNames(flags)}`,
          `expected ${show(expected.value)} flags ${flagNames(expected.flags)}`,
        ]);
      }
    }
  }
  resetEnv();
}

/**
 * Flags are sticky: an operation must OR its flags into the environment, never clear the ones already raised.
 * Runs `call` with every flag already set and checks that they are all still set afterwards.
 */
export function checkSticky(op: string, call: () => unknown): void {
  setEnv({ mode: 0, tininess: 1, nanMode: 0 });
  setFlags(0x1f);
  call();
  const flags = getFlags();
  resetEnv();
  if (flags !== 0x1f) fail([`${op} cleared sticky flags: ${flagNames(flags)} left of all five`]);
}
