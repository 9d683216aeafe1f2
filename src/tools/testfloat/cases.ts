/**
 * Test-case lines in and out, at the byte level: parse a line's leading operand fields (fixed-width hex, either case),
 * run the function with the flags cleared, and append `operands result flags\n` in testfloat_gen's form (uppercase,
 * fixed width, single spaces) to a large output buffer. Handed whole input chunks, it splits them into lines itself,
 * carrying a partial last line over to the next chunk.
 *
 * Input fields are separated by runs of spaces or tabs; leading blanks and a CR before the LF are allowed. Whatever
 * follows the operand fields (testfloat_gen's expected result and flags, say) is ignored.
 */
import { env, wide } from '../../index.js';
import { FIELD_DIGITS } from './functions.js';
import type { Evaluate, ResultType, Settings, TestFunction } from './functions.js';
import { TestFloatError } from './options.js';

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** Value of each byte as a hex digit, or -1. */
const HEX_VALUE = new Int8Array(256).fill(-1);
for (let d = 0; d < 10; d++) HEX_VALUE[0x30 + d] = d;
for (let d = 0; d < 6; d++) {
  HEX_VALUE[0x41 + d] = 10 + d;
  HEX_VALUE[0x61 + d] = 10 + d;
}
const HEX_DIGIT = Buffer.from('0123456789ABCDEF', 'latin1');

/** Output is gathered in buffers of this size, each handed on when it has no room left for a longest line. */
const OUTPUT_CHUNK = 1 << 18;
const LONGEST_LINE = 64;

function isBlank(byte: number): boolean {
  return byte === SPACE || byte === TAB;
}

export class CaseRunner {
  private readonly operandDigits: readonly number[];
  private readonly operandNames: string;
  private readonly evaluate: Evaluate;
  private readonly result: ResultType;
  /** Operand words of the current line; a 64-bit operand takes two (high, low). */
  private readonly words = [0, 0, 0];
  private carry: Buffer | null = null;
  private out = Buffer.allocUnsafe(OUTPUT_CHUNK);
  private outPos = 0;
  private readonly full: Buffer[] = [];
  /** Number of the line being read, from 1. */
  private lineNumber = 0;

  constructor(private readonly fn: TestFunction, settings: Settings) {
    this.operandDigits = fn.operands.map((type) => FIELD_DIGITS[type]);
    this.operandNames = fn.operands.join(' ');
    this.evaluate = fn.bind(settings);
    this.result = fn.result;
  }

  /** Run every complete line of `chunk`, keeping an unfinished last line for the next chunk. */
  feed(chunk: Buffer): void {
    let start = 0;
    if (this.carry !== null) {
      const lf = chunk.indexOf(LF);
      if (lf < 0) {
        this.carry = Buffer.concat([this.carry, chunk]);
        return;
      }
      const line = Buffer.concat([this.carry, chunk.subarray(0, lf)]);
      this.carry = null;
      this.runLine(line, 0, line.length);
      start = lf + 1;
    }
    for (;;) {
      const lf = chunk.indexOf(LF, start);
      if (lf < 0) break;
      this.runLine(chunk, start, lf);
      start = lf + 1;
    }
    if (start < chunk.length) this.carry = Buffer.from(chunk.subarray(start));
  }

  /** End of input: run a last line that had no LF. */
  finish(): void {
    if (this.carry !== null) {
      const line = this.carry;
      this.carry = null;
      this.runLine(line, 0, line.length);
    }
  }

  /** Output buffers ready to be written, in order; the partial one too when `all` is set. Empties the queue. */
  take(all: boolean): Buffer[] {
    if (all && this.outPos > 0) this.flushOut();
    return this.full.splice(0, this.full.length);
  }

  private flushOut(): void {
    this.full.push(this.out.subarray(0, this.outPos));
    this.out = Buffer.allocUnsafe(OUTPUT_CHUNK);
    this.outPos = 0;
  }

  private fail(what: string): never {
    throw new TestFloatError(`line ${this.lineNumber}: ${what}`);
  }

  private runLine(buf: Buffer, start: number, end: number): void {
    this.lineNumber++;
    if (end > start && buf[end - 1] === CR) end--;
    const digits = this.operandDigits;
    const words = this.words;
    let p = start;
    let w = 0;
    for (let field = 0; field < digits.length; field++) {
      while (p < end && isBlank(buf[p]!)) p++;
      const fieldStart = p;
      let hi = 0;
      let lo = 0;
      while (p < end && !isBlank(buf[p]!)) {
        const d = HEX_VALUE[buf[p]!]!;
        if (d < 0) this.badField(buf, fieldStart, end, field);
        hi = (hi << 4) | (lo >>> 28);
        lo = (lo << 4) | d;
        p++;
      }
      if (p === fieldStart) {
        this.fail(`expected ${digits.length} operand field(s) (${this.operandNames}), found ${field}`);
      }
      if (p - fieldStart !== digits[field]) this.badField(buf, fieldStart, end, field);
      if (digits[field] === 16) words[w++] = hi >>> 0;
      words[w++] = lo >>> 0;
    }

    env.flags = 0;
    const z = this.evaluate(words[0]!, words[1]!, words[2]!);
    const zHi = wide.hi;
    const flags = env.flags & 0x1f;

    if (this.out.length - this.outPos < LONGEST_LINE) this.flushOut();
    const out = this.out;
    let o = this.outPos;
    w = 0;
    for (let field = 0; field < digits.length; field++) {
      if (digits[field] === 16) o = putHex(out, o, words[w++]!, 8);
      o = putHex(out, o, words[w++]!, digits[field] === 4 ? 4 : 8);
      out[o++] = SPACE;
    }
    const result = this.result;
    if (result === 'bool') out[o++] = HEX_DIGIT[z & 1]!;
    else {
      const resultDigits = FIELD_DIGITS[result];
      if (resultDigits === 16) o = putHex(out, o, zHi, 8);
      o = putHex(out, o, z, resultDigits === 4 ? 4 : 8);
    }
    out[o++] = SPACE;
    o = putHex(out, o, flags, 2);
    out[o++] = LF;
    this.outPos = o;
  }

  private badField(buf: Buffer, fieldStart: number, end: number, field: number): never {
    let fieldEnd = fieldStart;
    while (fieldEnd < end && !isBlank(buf[fieldEnd]!)) fieldEnd++;
    const text = buf.toString('latin1', fieldStart, Math.min(fieldEnd, fieldStart + 40));
    const type = this.fn.operands[field];
    this.fail(`operand ${field + 1} '${text}' is not ${this.operandDigits[field]} hex digits (${type})`);
  }
}

/** Write `value` (a 32-bit word) as `digits` uppercase hex digits, the low ones. Returns the new position. */
function putHex(out: Buffer, pos: number, value: number, digits: number): number {
  for (let i = pos + digits - 1; i >= pos; i--) {
    out[i] = HEX_DIGIT[value & 15]!;
    value >>>= 4;
  }
  return pos + digits;
}
