/**
 * Shortest round-trip printing (src/text/format.ts F_toShortest, src/text/shortest.ts) and its round trip through
 * the parser:
 *
 * - every one of the 65,536 binary16 and bfloat16 words: the printed text reads back (round to nearest even) to the
 *   same word, and its digits are exactly those of a BigInt reference search (fewest significant digits that read
 *   back; among those, the closest to the value; an even last digit on a tie);
 * - binary32: the same reference comparison on structured and random words, and two million words printed and read
 *   back, with a check that no text with one digit fewer reads back;
 * - the layout is JavaScript's: String(Number(text)) === text (a double reproduces any text of at most 15 digits);
 * - hexadecimal text (F_toHex) reads back to the same word.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bf16_fromDecimal, f16_fromDecimal, f32_fromDecimal } from '../../src/text/parse.js';
import {
  bf16_toHex,
  bf16_toShortest,
  f16_toHex,
  f16_toShortest,
  f32_toHex,
  f32_toShortest,
} from '../../src/text/format.js';
import * as R from '../reference/exact.js';
import { BF16, F16, F32, type Format } from '../reference/exact.js';
import { finiteArb } from '../support/arbitraries.js';
import { resetEnv } from '../support/harness.js';
import { property } from '../support/suites.js';

type Print = (a: number) => string;
type Parse = (s: string) => number;

// ---------------------------------------------------------------------------------------------------------------
// Reference: search by definition, in exact rationals

type Q = [bigint, bigint]; // numerator, positive denominator

function cmp(a: Q, b: Q): number {
  const d = a[0] * b[1] - b[0] * a[1];
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

function pow10(j: number): Q {
  return j >= 0 ? [10n ** BigInt(j), 1n] : [1n, 10n ** BigInt(-j)];
}

function dyadic(x: bigint, k: number): Q {
  return k >= 0 ? [x << BigInt(k), 1n] : [x, 1n << BigInt(-k)];
}

function valueOf(fmt: Format, w: number): Q {
  const d = R.decode(fmt, w);
  return d.kind === 'zero' ? [0n, 1n] : dyadic(d.m, d.e);
}

/**
 * Shortest digits of the positive finite word w: [digits without trailing zeros, n] with value 0.digits × 10^n,
 * found by trying 1, 2, 3, … significant digits: at each length the two candidates next to the value (rounded
 * down and up at that length) are the only ones that can read back, and reading back means lying between the
 * midpoints with the neighbouring words (inclusive when w's last bit is 0, as ties go to even).
 */
function referenceShortest(fmt: Format, w: number): [string, number] {
  const v = valueOf(fmt, w);
  const up = w === fmt.maxFinite ? dyadic(1n, fmt.emax + 1) : valueOf(fmt, w + 1);
  const down = valueOf(fmt, w - 1);
  const hi: Q = [v[0] * up[1] + up[0] * v[1], 2n * v[1] * up[1]];
  const lo: Q = [v[0] * down[1] + down[0] * v[1], 2n * v[1] * down[1]];
  const inclusive = (w & 1) === 0;
  const inside = (c: Q): boolean => {
    const a = cmp(c, lo);
    const b = cmp(c, hi);
    return inclusive ? a >= 0 && b <= 0 : a > 0 && b < 0;
  };
  // floor(log10 v)
  let e10 = v[0].toString().length - v[1].toString().length;
  while (cmp(pow10(e10), v) > 0) e10--;
  while (cmp(pow10(e10 + 1), v) <= 0) e10++;
  for (let p = 1; ; p++) {
    const j = e10 - p + 1;
    const unit = pow10(j);
    // q = floor(v / 10^j)
    const q = (v[0] * unit[1]) / (v[1] * unit[0]);
    const candidates: bigint[] = [];
    for (const c of [q, q + 1n]) if (inside([c * unit[0], unit[1]])) candidates.push(c);
    if (candidates.length === 0) continue;
    let best = candidates[0]!;
    if (candidates.length === 2) {
      // compare v − q·u with (q+1)·u − v, i.e. 2v with (2q+1)·u
      const c = cmp([2n * v[0], v[1]], [(2n * q + 1n) * unit[0], unit[1]]);
      best = c < 0 ? q : c > 0 ? q + 1n : q % 2n === 0n ? q : q + 1n;
    }
    const text = best.toString();
    return [text.replace(/0+$/, ''), text.length + j];
  }
}

/** Digits (no leading or trailing zeros) and n, value 0.digits × 10^n, of a JS-layout number text. */
function canonical(s: string): [string, number] {
  const body = s.replace(/^-/, '');
  const [mantissa, exp] = body.split('e') as [string, string | undefined];
  const pointAt = mantissa.includes('.') ? mantissa.indexOf('.') : mantissa.length;
  const all = mantissa.replace('.', '');
  const lead = all.length - all.replace(/^0+/, '').length;
  return [all.slice(lead).replace(/0+$/, ''), pointAt - lead + Number(exp ?? '0')];
}

// ---------------------------------------------------------------------------------------------------------------

function checkWord(fmt: Format, print: Print, parse: Parse, printHex: Print, w: number, withReference: boolean): void {
  const s = print(w);
  const d = R.decode(fmt, w);
  if (d.kind === 'nan') {
    expect(s).toBe('NaN');
    return;
  }
  if (d.kind === 'inf') {
    expect(s).toBe(d.sign ? '-Infinity' : 'Infinity');
    expect(parse(s)).toBe(w);
    return;
  }
  const back = parse(s);
  if (back !== w) throw new Error(`${fmt.name} ${w.toString(16)}: "${s}" reads back as ${back.toString(16)}`);
  const hexText = printHex(w);
  if (parse(hexText) !== w) {
    throw new Error(`${fmt.name} ${w.toString(16)}: hex "${hexText}" reads back as ${parse(hexText).toString(16)}`);
  }
  if (d.kind === 'zero') {
    expect(s).toBe(d.sign ? '-0' : '0');
    return;
  }
  expect(s.startsWith('-')).toBe(d.sign === 1);
  // JavaScript prints a double read from this text in exactly this layout
  if (String(Number(s)) !== s) {
    throw new Error(`${fmt.name} ${w.toString(16)}: layout "${s}" vs JS "${String(Number(s))}"`);
  }
  if (withReference) {
    const [digits, n] = referenceShortest(fmt, w % fmt.signBit);
    const [gotDigits, gotN] = canonical(s);
    if (gotDigits !== digits || gotN !== n) {
      throw new Error(`${fmt.name} ${w.toString(16)}: "${s}" but the reference gives 0.${digits}e${n}`);
    }
  }
}

describe('shortest: every binary16 and bfloat16 word', () => {
  const cases: [Format, Print, Parse, Print][] = [
    [F16, f16_toShortest, f16_fromDecimal, f16_toHex],
    [BF16, bf16_toShortest, bf16_fromDecimal, bf16_toHex],
  ];
  for (const [fmt, print, parse, printHex] of cases) {
    it(`${fmt.name}: all 65,536 words round-trip, with the reference's digits`, () => {
      resetEnv();
      for (let w = 0; w <= 0xffff; w++) checkWord(fmt, print, parse, printHex, w, true);
      resetEnv();
    });
  }
});

describe('shortest: binary32', () => {
  it('matches the reference search on structured and random words', () => {
    resetEnv();
    property(
      fc.oneof(finiteArb(F32), fc.integer({ min: 0, max: 0xffffffff })),
      (w) => checkWord(F32, f32_toShortest, f32_fromDecimal, f32_toHex, w, true),
      30000,
    );
    // every binade's first, second and last words, and the subnormal extremes
    for (let e = 0; e < 0xff; e++) {
      for (const f of [0, 1, 2, 0x400000, 0x7ffffe, 0x7fffff]) {
        checkWord(F32, f32_toShortest, f32_fromDecimal, f32_toHex, ((e << 23) | f) >>> 0, true);
      }
    }
    resetEnv();
  });

  it('two million words read back, and no text with one digit fewer does', () => {
    resetEnv();
    // A fixed-seed linear congruential walk over the finite words, both signs.
    let x = 0x2545f491;
    let checked = 0;
    for (let i = 0; i < 2_000_000; i++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      const w = x;
      if ((w & 0x7f800000) === 0x7f800000) continue;
      const s = f32_toShortest(w);
      if (f32_fromDecimal(s) !== w) {
        throw new Error(`${w.toString(16)}: "${s}" reads back as ${f32_fromDecimal(s).toString(16)}`);
      }
      checked++;
      if ((i & 7) !== 0 || (w & 0x7fffffff) === 0) continue;
      // One digit fewer: the value's neighbours at that length are the truncation of the digits and one unit either
      // side of it; none may read back.
      const [digits, n] = canonical(s);
      if (digits.length < 2) continue;
      const t = BigInt(digits.slice(0, digits.length - 1));
      for (const c of [t - 1n, t, t + 1n]) {
        if (c <= 0n) continue;
        const shorter = `${w >>> 31 ? '-' : ''}${c}e${n - digits.length + 1}`;
        if (f32_fromDecimal(shorter) === w) throw new Error(`${w.toString(16)}: "${shorter}" is shorter than "${s}"`);
      }
    }
    expect(checked).toBeGreaterThan(1_990_000);
    resetEnv();
  });
});
