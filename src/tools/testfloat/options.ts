/**
 * The TestFloat driver's command line: one function name and testfloat_gen's options, in any order, the last of
 * contradictory options winning (as in testfloat_gen). A leading `--` is accepted for `-`, and the option spellings
 * testfloat_gen accepts (e.g. -rminmag, -rnear_maxmag) are accepted too.
 */
import {
  round_max,
  round_min,
  round_minMag,
  round_near_even,
  round_near_maxMag,
  round_odd,
  tininess_afterRounding,
  tininess_beforeRounding,
} from '../../index.js';
import type { RoundingMode, Tininess } from '../../index.js';
import { TEST_FUNCTIONS } from './functions.js';
import type { TestFunction } from './functions.js';

/** A usage or input error: reported as one line on stderr, exit status 2. */
export class TestFloatError extends Error {}

export interface TestFloatOptions {
  readonly fn: TestFunction;
  readonly roundingMode: RoundingMode;
  readonly tininess: Tininess;
  readonly exact: boolean;
}

const ROUNDING_OPTIONS: ReadonlyMap<string, RoundingMode> = new Map<string, RoundingMode>([
  ['rnear_even', round_near_even],
  ['rneareven', round_near_even],
  ['rnearest_even', round_near_even],
  ['rminMag', round_minMag],
  ['rminmag', round_minMag],
  ['rmin', round_min],
  ['rmax', round_max],
  ['rnear_maxMag', round_near_maxMag],
  ['rnear_maxmag', round_near_maxMag],
  ['rnearmaxmag', round_near_maxMag],
  ['rnearest_maxMag', round_near_maxMag],
  ['rnearest_maxmag', round_near_maxMag],
  ['rodd', round_odd],
]);

export const USAGE = `usage: fpuless testfloat <function> [<option>...]

Reads Berkeley TestFloat test cases on stdin (one per line, operands in hex; fields after the operands are
ignored) and writes each line's operands followed by fpuless's result and exception flags, as testfloat_gen does.

options (* is the default, as in testfloat_gen):
 *  -rnear_even      round to nearest, ties to even
    -rminMag         round toward zero
    -rmin            round down
    -rmax            round up
    -rnear_maxMag    round to nearest, ties away from zero
    -rodd            round to odd
    -tininessbefore  detect underflow tininess before rounding
 *  -tininessafter   detect underflow tininess after rounding
 *  -notexact        rounding to an integer never raises inexact
    -exact           rounding to an integer raises inexact when the value changes

functions (F is f16, bf16 or f32; I is ui32, ui64, i32 or i64):
    I_to_F  F_to_I  F_to_I_r_minMag  f16_to_f32  f32_to_f16  bf16_to_f32  f32_to_bf16  f16_to_bf16  bf16_to_f16
    F_roundToInt  F_add  F_sub  F_mul  F_mulAdd  F_div  F_rem  F_sqrt
    F_eq  F_le  F_lt  F_eq_signaling  F_le_quiet  F_lt_quiet

example: testfloat_gen -rmin f32_mulAdd | fpuless testfloat f32_mulAdd -rmin | testfloat_ver -rmin f32_mulAdd
`;

/** Parse the arguments after `testfloat`. Returns null when help was asked for. */
export function parseTestFloatArgs(args: readonly string[]): TestFloatOptions | null {
  let fn: TestFunction | undefined;
  let roundingMode: RoundingMode = round_near_even;
  let roundingOption: string | undefined;
  let tininess: Tininess = tininess_afterRounding;
  let exact = false;
  for (const arg of args) {
    if (arg.startsWith('-')) {
      const option = arg.startsWith('--') ? arg.slice(2) : arg.slice(1);
      const mode = ROUNDING_OPTIONS.get(option);
      if (mode !== undefined) {
        roundingMode = mode;
        roundingOption = arg;
      } else if (option === 'tininessbefore') tininess = tininess_beforeRounding;
      else if (option === 'tininessafter') tininess = tininess_afterRounding;
      else if (option === 'exact') exact = true;
      else if (option === 'notexact') exact = false;
      else if (option === 'help' || option === 'h') return null;
      else throw new TestFloatError(`unknown option '${arg}' (try 'fpuless testfloat -help')`);
    } else {
      const found = TEST_FUNCTIONS.get(arg);
      if (found === undefined) throw new TestFloatError(`unknown function '${arg}' (try 'fpuless testfloat -help')`);
      if (fn !== undefined) throw new TestFloatError(`more than one function given ('${fn.name}' and '${arg}')`);
      fn = found;
    }
  }
  if (fn === undefined) throw new TestFloatError(`no function given (try 'fpuless testfloat -help')`);
  if (fn.rounding === 'minMag' && roundingMode !== round_minMag && roundingOption !== undefined) {
    throw new TestFloatError(`option '${roundingOption}' contradicts '${fn.name}', which always rounds toward zero`);
  }
  return { fn, roundingMode: fn.rounding === 'minMag' ? round_minMag : roundingMode, tininess, exact };
}
