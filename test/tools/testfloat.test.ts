/**
 * The TestFloat driver, run as the built command (dist/cli.js; `npm test` builds first): output format byte for byte,
 * the options, the ignore-trailing-fields rule and the errors. The function table itself is checked in-process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIELD_DIGITS, TEST_FUNCTIONS } from '../../src/tools/testfloat/functions.js';
import { CaseRunner } from '../../src/tools/testfloat/cases.js';
import { round_near_even } from '../../src/index.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function testfloat(args: string[], input: string): Run {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' (npm test does)`);
  const r = spawnSync(process.execPath, [CLI, 'testfloat', ...args], { input, encoding: 'latin1', maxBuffer: 1 << 26 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Run, expecting success and nothing on stderr; returns stdout. */
function ok(args: string[], input: string): string {
  const r = testfloat(args, input);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('output format', () => {
  it('writes operands, result and flags in fixed-width uppercase hex with single spaces and LF', () => {
    expect(ok(['f32_add'], '3f800000 40000000\n')).toBe('3F800000 40000000 40400000 00\n');
    expect(ok(['f16_add'], '3c00 3c00\n')).toBe('3C00 3C00 4000 00\n');
    expect(ok(['bf16_mul'], '3f80 c040\n')).toBe('3F80 C040 C040 00\n');
    expect(ok(['f32_mulAdd'], '3F800000 40000000 3F800000\n')).toBe(
      '3F800000 40000000 3F800000 40400000 00\n',
    );
    expect(ok(['f32_sqrt'], '40800000\n')).toBe('40800000 40000000 00\n');
    expect(ok(['f16_sqrt'], '4000\n')).toBe('4000 3DA8 01\n');
  });

  it('writes comparison results as one digit', () => {
    expect(ok(['f32_lt'], '3F800000 40000000\n40000000 3F800000\n')).toBe(
      '3F800000 40000000 1 00\n40000000 3F800000 0 00\n',
    );
    expect(ok(['f16_le'], '7E00 3C00\n')).toBe('7E00 3C00 0 10\n');
    expect(ok(['bf16_eq'], '7FC0 3F80\n')).toBe('7FC0 3F80 0 00\n');
  });

  it('writes integers in two\'s complement, 8 or 16 digits', () => {
    expect(ok(['i32_to_f32'], 'FFFFFFFF\n')).toBe('FFFFFFFF BF800000 00\n');
    expect(ok(['ui32_to_f32'], 'FFFFFFFF\n')).toBe('FFFFFFFF 4F800000 01\n');
    expect(ok(['i64_to_f32'], 'FFFFFFFFFFFFFFFE\n')).toBe('FFFFFFFFFFFFFFFE C0000000 00\n');
    expect(ok(['ui64_to_f16'], '0000000000000400\n')).toBe('0000000000000400 6400 00\n');
    expect(ok(['f32_to_i64'], 'C0000000\n')).toBe('C0000000 FFFFFFFFFFFFFFFE 00\n');
    expect(ok(['f32_to_i32'], 'C0000000\n')).toBe('C0000000 FFFFFFFE 00\n');
    expect(ok(['f16_to_ui64'], '6400\n')).toBe('6400 0000000000000400 00\n');
  });

  it('writes flags as two hex digits of SoftFloat\'s bits', () => {
    // overflow | inexact, then infinite (division by zero), then invalid
    expect(ok(['f32_mul'], '7F7FFFFF 40000000\n')).toBe('7F7FFFFF 40000000 7F800000 05\n');
    expect(ok(['f32_div'], '3F800000 00000000\n')).toBe('3F800000 00000000 7F800000 08\n');
    expect(ok(['f32_sub'], '7F800000 7F800000\n')).toBe('7F800000 7F800000 FFC00000 10\n');
  });

  it('clears the flags before each line', () => {
    expect(ok(['f32_add'], '7F800001 3F800000\n3F800000 3F800000\n')).toBe(
      '7F800001 3F800000 7FC00001 10\n3F800000 3F800000 40000000 00\n',
    );
  });

  it('ignores fields after the operands, so testfloat_gen output can be piped in', () => {
    expect(ok(['f32_add'], '3F800000 40000000 DEADBEEF 1F\n')).toBe('3F800000 40000000 40400000 00\n');
    expect(ok(['f32_eq'], '3F800000 3F800000 0 10 and anything else\n')).toBe('3F800000 3F800000 1 00\n');
  });

  it('accepts CRLF, tabs and runs of blanks between fields, and a last line without LF', () => {
    expect(ok(['f32_add'], '3F800000\t 40000000\r\n  3F800000  3F800000')).toBe(
      '3F800000 40000000 40400000 00\n3F800000 3F800000 40000000 00\n',
    );
  });

  it('writes nothing for empty input', () => {
    expect(ok(['f32_add'], '')).toBe('');
  });

  it('handles input larger than one read and output larger than one buffer', () => {
    const count = 60000;
    const input = '3F800000 3F800000 40000000 00\n'.repeat(count);
    const out = ok(['f32_add'], input);
    expect(out.length).toBe(input.length);
    expect(out).toBe(input);
  });
});

describe('options', () => {
  it('rounds to nearest even by default; -r sets the mode', () => {
    const line = '3F800000 33800000\n'; // 1 + 2^-24, a tie
    expect(ok(['f32_add'], line)).toBe('3F800000 33800000 3F800000 01\n');
    expect(ok(['f32_add', '-rmax'], line)).toBe('3F800000 33800000 3F800001 01\n');
    expect(ok(['-rnear_maxMag', 'f32_add'], line)).toBe('3F800000 33800000 3F800001 01\n');
    expect(ok(['f32_add', '-rodd'], line)).toBe('3F800000 33800000 3F800001 01\n');
    expect(ok(['f32_add', '-rmax', '-rminMag'], line)).toBe('3F800000 33800000 3F800000 01\n');
  });

  it('detects tininess after rounding by default; -tininessbefore changes it', () => {
    // 7.75 × 0x1.08421p-129 = (2^25 - 1)·2^-151: rounds up to the smallest normal.
    const line = '40F80000 00108421\n';
    expect(ok(['f32_mul'], line)).toBe('40F80000 00108421 00800000 01\n');
    expect(ok(['f32_mul', '-tininessbefore'], line)).toBe('40F80000 00108421 00800000 03\n');
    expect(ok(['f32_mul', '-tininessbefore', '-tininessafter'], line)).toBe('40F80000 00108421 00800000 01\n');
  });

  it('is -notexact by default for rounding to integers, as testfloat_gen', () => {
    expect(ok(['f32_roundToInt'], '3FC00000\n')).toBe('3FC00000 40000000 00\n');
    expect(ok(['f32_roundToInt', '-exact'], '3FC00000\n')).toBe('3FC00000 40000000 01\n');
    expect(ok(['f32_roundToInt', '-rminMag', '-exact'], '3FC00000\n')).toBe('3FC00000 3F800000 01\n');
    expect(ok(['f32_to_i32'], '3FC00000\n')).toBe('3FC00000 00000002 00\n');
    expect(ok(['f32_to_i32', '-exact', '-rmin'], '3FC00000\n')).toBe('3FC00000 00000001 01\n');
  });

  it('runs the _r_minMag conversions toward zero, with -exact', () => {
    expect(ok(['f32_to_i32_r_minMag'], 'BFC00000\n')).toBe('BFC00000 FFFFFFFF 00\n');
    expect(ok(['f32_to_i32_r_minMag', '-exact'], 'BFC00000\n')).toBe('BFC00000 FFFFFFFF 01\n');
    expect(ok(['f16_to_ui64_r_minMag', '-exact', '-rminMag'], '3E00\n')).toBe('3E00 0000000000000001 01\n');
  });

  it('accepts --option for -option and prints help for -help', () => {
    expect(ok(['f32_add', '--rmax'], '3F800000 33800000\n')).toBe('3F800000 33800000 3F800001 01\n');
    expect(ok(['-help'], '')).toContain('usage: fpuless testfloat <function>');
  });
});

describe('errors: one line on stderr, exit status 2', () => {
  function expectError(args: string[], input: string, message: RegExp, stdout = ''): void {
    const r = testfloat(args, input);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^fpuless testfloat: [^\n]*\n$/);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe(stdout);
  }

  it('names the line of a malformed line, after writing the lines before it', () => {
    const first = '3F800000 40000000 40400000 00\n';
    const tooShort = /line 2: operand 1 '3F80000' is not 8 hex digits/;
    expectError(['f32_add'], '3F800000 40000000\n3F80000 40000000\n', tooShort, first);
    const tooFew = /line 2: expected 2 operand field\(s\) \(f32 f32\), found 1/;
    expectError(['f32_add'], '3F800000 40000000\n3F800000\n', tooFew, first);
    expectError(['f32_add'], '3F800000 4000G000\n', /line 1: operand 2 '4000G000' is not 8 hex digits/);
    expectError(['f16_add'], '3C00 3C000\n', /line 1: operand 2 '3C000' is not 4 hex digits \(f16\)/);
    expectError(['i64_to_f32'], '00000001\n', /line 1: operand 1 '00000001' is not 16 hex digits \(i64\)/);
    expectError(['f32_sqrt'], '\n', /line 1: expected 1 operand field\(s\) \(f32\), found 0/);
    expectError(['f32_add'], '3F800000 40000000\r\n-3F80000 40000000\n', /line 2: operand 1/, first);
  });

  it('rejects an unknown function, a bad option, a missing or a second function', () => {
    expectError(['f32_foo'], '', /unknown function 'f32_foo'/);
    expectError(['f64_add'], '', /unknown function 'f64_add'/);
    expectError(['f32_add', '-rnearest'], '', /unknown option '-rnearest'/);
    expectError(['-rmin'], '', /no function given/);
    expectError(['f32_add', 'f32_sub'], '', /more than one function given/);
    expectError(['f32_to_i32_r_minMag', '-rmax'], '', /'-rmax' contradicts 'f32_to_i32_r_minMag'/);
  });
});

describe('function table', () => {
  const floats = ['f16', 'bf16', 'f32'];
  const ints = ['ui32', 'ui64', 'i32', 'i64'];
  const math = [
    'exp', 'exp2', 'exp10', 'expm1', 'log', 'log2', 'log10', 'log1p', 'rsqrt', 'tanh', 'sigmoid', 'softplus', 'sin',
    'cos', 'tan', 'sinh', 'cosh', 'asinh', 'acosh', 'atanh', 'erf', 'erfc', 'gelu', 'asin', 'acos', 'atan', 'atan2',
    'pow', 'hypot',
  ];
  const expected = [
    ...floats.flatMap((f) => math.map((m) => `${f}_${m}`)),
    ...floats.flatMap((f) => [
      ...ints.flatMap((i) => [`${i}_to_${f}`, `${f}_to_${i}`, `${f}_to_${i}_r_minMag`]),
      ...['roundToInt', 'add', 'sub', 'mul', 'mulAdd', 'div', 'rem', 'sqrt'].map((op) => `${f}_${op}`),
      ...['eq', 'le', 'lt', 'eq_signaling', 'le_quiet', 'lt_quiet'].map((op) => `${f}_${op}`),
    ]),
    'f16_to_f32',
    'f32_to_f16',
    'bf16_to_f32',
    'f32_to_bf16',
    'f16_to_bf16',
    'bf16_to_f16',
  ];

  it('has exactly the TestFloat functions of the three formats and the elementary functions', () => {
    expect([...TEST_FUNCTIONS.keys()].sort()).toEqual([...expected].sort());
  });

  it.each(expected)('%s runs on a line of zeros and writes a well-formed line', (name) => {
    const fn = TEST_FUNCTIONS.get(name)!;
    const runner = new CaseRunner(fn, { roundingMode: round_near_even, exact: false });
    runner.feed(Buffer.from(`${fn.operands.map((t) => '0'.repeat(FIELD_DIGITS[t])).join(' ')}\n`));
    const out = Buffer.concat(runner.take(true)).toString('latin1');
    const fields = [...fn.operands, fn.result].map((t) => `[0-9A-F]{${FIELD_DIGITS[t]}}`);
    expect(out).toMatch(new RegExp(`^${fields.join(' ')} [01][0-9A-F]\\n$`));
  });
});
