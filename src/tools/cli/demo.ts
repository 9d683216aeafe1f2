/**
 * `fpuless demo`: a few lines showing what the library computes, word by word, with the flags each operation raised.
 */
import {
  bf16FromNumber,
  bf16ToNumber,
  bf16_add,
  clearFlags,
  env,
  f16FromNumber,
  f16ToNumber,
  f16_add,
  f16_sqrt,
  f32FromNumber,
  f32ToNumber,
  f32_add,
  flag_infinite,
  flag_inexact,
  flag_invalid,
  flag_overflow,
  flag_underflow,
  round_near_even,
} from '../../index.js';

const FLAG_NAMES: readonly (readonly [number, string])[] = [
  [flag_invalid, 'invalid'],
  [flag_infinite, 'infinite'],
  [flag_overflow, 'overflow'],
  [flag_underflow, 'underflow'],
  [flag_inexact, 'inexact'],
];

function flagText(flags: number): string {
  const names = FLAG_NAMES.filter(([bit]) => (flags & bit) !== 0).map(([, name]) => name);
  return names.length === 0 ? 'none' : names.join(' ');
}

function hex(word: number, digits: number): string {
  return (word >>> 0).toString(16).toUpperCase().padStart(digits, '0');
}

interface Format {
  readonly name: string;
  readonly digits: number;
  readonly fromNumber: (x: number) => number;
  readonly toNumber: (w: number) => number;
  readonly add: (a: number, b: number) => number;
}

const FORMATS: readonly Format[] = [
  { name: 'binary32', digits: 8, fromNumber: f32FromNumber, toNumber: f32ToNumber, add: f32_add },
  { name: 'binary16', digits: 4, fromNumber: f16FromNumber, toNumber: f16ToNumber, add: f16_add },
  { name: 'bfloat16', digits: 4, fromNumber: bf16FromNumber, toNumber: bf16ToNumber, add: bf16_add },
];

function row(format: string, what: string, words: string, value: number, flags: number): string {
  const value20 = String(value).padEnd(20);
  return `  ${format.padEnd(9)} ${what.padEnd(10)} ${words.padEnd(32)} = ${value20} flags: ${flagText(flags)}`;
}

/** The demonstration text, one string per line. */
export function demoLines(): string[] {
  env.roundingMode = round_near_even;
  const lines = ['fpuless: IEEE 754 arithmetic from 32-bit integer operations (round to nearest, ties to even)', ''];
  for (const f of FORMATS) {
    const a = f.fromNumber(0.1);
    const b = f.fromNumber(0.2);
    clearFlags();
    const sum = f.add(a, b);
    const flags = env.flags;
    const words = `${hex(a, f.digits)} + ${hex(b, f.digits)} = ${hex(sum, f.digits)}`;
    lines.push(row(f.name, '0.1 + 0.2', words, f.toNumber(sum), flags));
  }
  const two = f16FromNumber(2);
  clearFlags();
  const root = f16_sqrt(two);
  const flags = env.flags;
  lines.push(row('binary16', 'sqrt(2)', `sqrt(${hex(two, 4)}) = ${hex(root, 4)}`, f16ToNumber(root), flags));
  lines.push('', 'Each result and flag is bit-exact with Berkeley SoftFloat 3e (8086-SSE); see README.md and spec/.');
  return lines;
}
