import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MAX_NPY_BYTES,
  NpyError,
  decodeNpy,
  encodeNpy,
  float16BitsToNumber,
  npyToFloat64,
  numberToFloat16Bits,
  readNpy,
  writeNpy,
  type NpyArray,
  type NpyVersion,
} from '../../../src/tools/data/npy.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'fpuless-npy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const enc = new TextEncoder();

/** A .npy file built by hand: magic, version, header length, header text (padded like numpy), data. */
function handmade(header: string, data: Uint8Array = new Uint8Array(0), version: [number, number] = [1, 0]): Uint8Array {
  const prefix = version[0] === 1 ? 10 : 12;
  let text = header;
  const pad = 64 - ((prefix + text.length + 1) % 64);
  text += `${' '.repeat(pad)}\n`;
  const h = enc.encode(text);
  const out = new Uint8Array(prefix + h.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version[0], version[1]]);
  const view = new DataView(out.buffer);
  if (version[0] === 1) view.setUint16(8, h.length, true);
  else view.setUint32(8, h.length, true);
  out.set(h, prefix);
  out.set(data, prefix + h.length);
  return out;
}

function same(a: NpyArray, b: NpyArray): void {
  expect(b.dtype).toBe(a.dtype);
  expect([...b.shape]).toEqual([...a.shape]);
  expect(b.data.constructor).toBe(a.data.constructor);
  expect(b.data.length).toBe(a.data.length);
  for (let i = 0; i < a.data.length; i++) expect(Object.is(b.data[i], a.data[i])).toBe(true);
}

const SAMPLES: NpyArray[] = [
  { dtype: 'float16', shape: [2, 4], data: new Float64Array([0, -0, 1, -2.5, 65504, 2 ** -14, 2 ** -24, -Infinity]) },
  { dtype: 'float32', shape: [5], data: new Float32Array([1.5, -0, 3.4028234663852886e38, 1e-45, Infinity]) },
  { dtype: 'float64', shape: [2, 2], data: new Float64Array([0.1, -0, Number.MIN_VALUE, -Number.MAX_VALUE]) },
  { dtype: 'uint8', shape: [3, 1], data: new Uint8Array([0, 128, 255]) },
  { dtype: 'int8', shape: [3], data: new Int8Array([-128, 0, 127]) },
  { dtype: 'int32', shape: [2], data: new Int32Array([-(2 ** 31), 2 ** 31 - 1]) },
  { dtype: 'int64', shape: [1, 3], data: new BigInt64Array([-(2n ** 63n), 2n ** 63n - 1n, 42n]) },
  { dtype: 'float64', shape: [], data: new Float64Array([7]) },
  { dtype: 'int32', shape: [0, 3], data: new Int32Array(0) },
];

describe('npy: files written by NumPy', () => {
  const expected: Record<string, { dtype: string; shape: number[]; values: unknown[] }> = {
    f2: { dtype: 'float16', shape: [2, 4], values: [0, -0, 1, -2.5, 65504, 2 ** -14, 2 ** -24, Infinity] },
    f4: { dtype: 'float32', shape: [4], values: [1.5, Math.fround(-3.25e-39), Math.fround(3.4028235e38), NaN] },
    f8: { dtype: 'float64', shape: [2, 3, 4], values: Array.from({ length: 24 }, (_, i) => i / 7) },
    u1: { dtype: 'uint8', shape: [3], values: [0, 1, 255] },
    i1: { dtype: 'int8', shape: [1, 3], values: [-128, 0, 127] },
    i4: { dtype: 'int32', shape: [4], values: [-(2 ** 31), 2 ** 31 - 1, 0, 5] },
    i8: { dtype: 'int64', shape: [3], values: [-(2n ** 63n), 2n ** 63n - 1n, 1n] },
    scalar: { dtype: 'float64', shape: [], values: [3.5] },
    empty: { dtype: 'float32', shape: [0, 5], values: [] },
    f4_v2: { dtype: 'float32', shape: [4], values: [1.5, Math.fround(-3.25e-39), Math.fround(3.4028235e38), NaN] },
    f4_v3: { dtype: 'float32', shape: [4], values: [1.5, Math.fround(-3.25e-39), Math.fround(3.4028235e38), NaN] },
  };
  for (const [name, want] of Object.entries(expected)) {
    it(`reads ${name}.npy and writes the same bytes back`, () => {
      const path = join(FIXTURES, `${name}.npy`);
      const a = readNpy(path);
      expect(a.dtype).toBe(want.dtype);
      expect([...a.shape]).toEqual(want.shape);
      expect(Array.from(a.data as ArrayLike<unknown>)).toEqual(want.values);
      for (let i = 0; i < want.values.length; i++) expect(Object.is(a.data[i], want.values[i])).toBe(true);
      const version = (name.endsWith('_v2') ? 2 : name.endsWith('_v3') ? 3 : 1) as NpyVersion;
      expect(Buffer.from(encodeNpy(a, { version })).equals(readFileSync(path))).toBe(true);
      same(a, decodeNpy(readFileSync(path), name));
    });
  }

  it.each([
    ['fortran', /Fortran-order .* not supported/],
    ['big', /big-endian dtype '>f4' is not supported/],
    ['u2', /unsupported dtype '<u2'/],
    ['struct', /unsupported dtype \[\('a', '<f4'\), \('b', '<i4'\)\] \(structured/],
  ])('refuses %s.npy, naming the file', (name, message) => {
    const path = join(FIXTURES, `${name}.npy`);
    expect(() => readNpy(path)).toThrow(NpyError);
    expect(() => readNpy(path)).toThrow(message);
    expect(() => readNpy(path)).toThrow(path);
  });
});

describe('npy: round trips', () => {
  for (const a of SAMPLES) {
    for (const version of [1, 2, 3] as const) {
      it(`${a.dtype} ${JSON.stringify(a.shape)} in version ${version}.0 (memory and file)`, () => {
        const bytes = encodeNpy(a, { version });
        expect(bytes[6]).toBe(version);
        expect(bytes[7]).toBe(0);
        // numpy aligns the data to 64 bytes.
        const start = version === 1 ? 10 + (bytes[8]! | (bytes[9]! << 8)) : 12 + new DataView(bytes.buffer).getUint32(8, true);
        expect(start % 64).toBe(0);
        same(a, decodeNpy(bytes));
        const path = join(dir, `rt-${a.dtype}-${a.shape.length}-${a.data.length}-v${version}.npy`);
        writeNpy(path, a, { version });
        same(a, readNpy(path));
        expect(Buffer.from(readFileSync(path)).equals(Buffer.from(bytes))).toBe(true);
      });
    }
  }

  it('chooses version 2.0 only when the header does not fit version 1.0', () => {
    expect(encodeNpy(SAMPLES[1]!)[6]).toBe(1);
    const shape = new Array<number>(30000).fill(1);
    const a: NpyArray = { dtype: 'uint8', shape, data: new Uint8Array([9]) };
    const bytes = encodeNpy(a);
    expect(bytes[6]).toBe(2);
    same(a, decodeNpy(bytes));
    expect(() => encodeNpy(a, { version: 1 })).toThrow(/does not fit .npy version 1.0/);
  });

  it('float16: every bit pattern decodes exactly and encodes back', () => {
    const wrong: number[] = [];
    for (let bits = 0; bits < 0x10000; bits++) {
      const v = float16BitsToNumber(bits);
      const exp = (bits >>> 10) & 0x1f;
      const frac = bits & 0x3ff;
      if (exp === 31 && frac !== 0) {
        if (!Number.isNaN(v) || numberToFloat16Bits(v) !== 0x7e00) wrong.push(bits);
        continue;
      }
      const magnitude = exp === 0 ? frac * 2 ** -24 : exp === 31 ? Infinity : (1 + frac / 1024) * 2 ** (exp - 15);
      if (!Object.is(v, bits & 0x8000 ? -magnitude : magnitude) || numberToFloat16Bits(v) !== bits) wrong.push(bits);
    }
    expect(wrong).toEqual([]);
  });

  it('float16: refuses to write values that binary16 cannot hold exactly', () => {
    expect(numberToFloat16Bits(0.1)).toBe(-1);
    expect(numberToFloat16Bits(65520)).toBe(-1);
    expect(numberToFloat16Bits(2 ** -25)).toBe(-1);
    expect(numberToFloat16Bits(1 + 2 ** -11)).toBe(-1);
    expect(() => encodeNpy({ dtype: 'float16', shape: [2], data: new Float64Array([1, 0.1]) })).toThrow(
      /element 1 \(0.1\) is not exactly representable/,
    );
  });

  it('checks what it is asked to write', () => {
    expect(() => encodeNpy({ dtype: 'float32', shape: [3], data: new Float32Array(2) })).toThrow(/holds 3 elements/);
    expect(() => encodeNpy({ dtype: 'float32', shape: [2], data: new Float64Array(2) } as unknown as NpyArray)).toThrow(
      /must be a Float32Array/,
    );
    expect(() => encodeNpy(SAMPLES[0]!, { version: 4 as NpyVersion })).toThrow(/unsupported .npy version/);
  });

  it('npyToFloat64 widens every dtype', () => {
    expect(Array.from(npyToFloat64(SAMPLES[4]!))).toEqual([-128, 0, 127]);
    expect(Array.from(npyToFloat64({ dtype: 'int64', shape: [2], data: new BigInt64Array([-5n, 2n ** 53n]) }))).toEqual([-5, 2 ** 53]);
    expect(() => npyToFloat64(SAMPLES[6]!)).toThrow(/beyond ±2\^53/);
  });
});

describe('npy: writing is atomic', () => {
  it('replaces an existing file and leaves no temporary file behind', () => {
    const sub = mkdtempSync(join(dir, 'atomic-'));
    const path = join(sub, 'a.npy');
    writeFileSync(path, 'old contents');
    writeNpy(path, SAMPLES[2]!);
    same(SAMPLES[2]!, readNpy(path));
    expect(readdirSync(sub)).toEqual(['a.npy']);
  });

  it('leaves the target untouched when writing fails', () => {
    const sub = mkdtempSync(join(dir, 'atomic-'));
    const path = join(sub, 'a.npy');
    writeNpy(path, SAMPLES[3]!);
    const before = readFileSync(path);
    expect(() => writeNpy(path, { dtype: 'float16', shape: [1], data: new Float64Array([0.1]) })).toThrow();
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(() => writeNpy(join(sub, 'missing-dir', 'b.npy'), SAMPLES[3]!)).toThrow();
    expect(readdirSync(sub)).toEqual(['a.npy']);
  });
});

describe('npy: malformed files are errors naming the file', () => {
  const f4 = (n: number): Uint8Array => new Uint8Array(new Float32Array(n).buffer);
  const good = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";
  const cases: [string, Uint8Array, RegExp][] = [
    ['empty file', new Uint8Array(0), /truncated: 0 bytes/],
    ['short magic', new Uint8Array([0x93, 0x4e, 0x55]), /truncated: 3 bytes/],
    ['bad magic', enc.encode('PK\x03\x04 this is a zip file'), /not a .npy file: the magic bytes are "50 4b 03 04 20 74"/],
    ['version 4.0', handmade(good, f4(2), [4, 0]), /unsupported .npy format version 4.0/],
    ['version 1.1', handmade(good, f4(2), [1, 1]), /unsupported .npy format version 1.1/],
    ['v2 without header length', handmade(good, f4(2), [2, 0]).subarray(0, 10), /truncated: the file ends inside the header length/],
    ['header past the end', handmade(good).subarray(0, 40), /truncated: the header is 118 bytes long but the file ends 88 bytes short/],
    ['header not a dict', handmade("['<f4', False, (2,)]", f4(2)), /expected a dictionary, got \['<f4', False, \(2,\)\]/],
    ['header garbage', handmade('{descr: 1}', f4(2)), /malformed header: expected a value at character 1/],
    ['unterminated string', handmade("{'descr': '<f4}", f4(2)), /unterminated string/],
    ['text after dict', handmade(`${good} x`, f4(2)), /unexpected text after the dictionary/],
    ['missing key', handmade("{'descr': '<f4', 'shape': (2,), }", f4(2)), /keys must be exactly .* got 'descr', 'shape'/],
    ['extra key', handmade("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1}", f4(2)), /got 'descr', 'fortran_order', 'shape', 'x'/],
    ['duplicate key', handmade("{'descr': '<f4', 'descr': '<f4'}", f4(2)), /duplicate key 'descr'/],
    ['fortran order', handmade("{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }", f4(2)), /Fortran-order/],
    ['fortran_order not bool', handmade("{'descr': '<f4', 'fortran_order': 0, 'shape': (2,), }", f4(2)), /fortran_order is 0/],
    ['big endian', handmade("{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }", f4(4)), /big-endian dtype '>f8'/],
    ['native order', handmade("{'descr': '=i4', 'fortran_order': False, 'shape': (2,), }", f4(2)), /does not state its byte order/],
    ['complex', handmade("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }", f4(4)), /unsupported dtype '<c8'/],
    ['object', handmade("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", f4(4)), /unsupported dtype '\|O'/],
    ['shape a list', handmade("{'descr': '<f4', 'fortran_order': False, 'shape': [2], }", f4(2)), /shape must be a tuple, got \[2\]/],
    ['shape an int', handmade("{'descr': '<f4', 'fortran_order': False, 'shape': (2), }", f4(2)), /shape must be a tuple, got 2/],
    ['negative dimension', handmade("{'descr': '<f4', 'fortran_order': False, 'shape': (2, -1), }", f4(2)), /dimension -1 is not a non-negative/],
    ['string dimension', handmade("{'descr': '<f4', 'fortran_order': False, 'shape': ('2',), }", f4(2)), /dimension '2'/],
    ['huge integer', handmade("{'descr': '<f4', 'fortran_order': False, 'shape': (123456789012345678901,), }"), /too large/],
    ['truncated data', handmade(good, f4(1)), /truncated: shape \(2\) of float32 needs 8 data bytes, but only 4 follow/],
    ['trailing bytes', handmade(good, f4(3)), /4 unexpected bytes after the 8 data bytes/],
    [
      'over the memory limit',
      handmade("{'descr': '<f8', 'fortran_order': False, 'shape': (65536, 65536, 65536), }"),
      /needs more than the 1073741824-byte limit; refusing to allocate/,
    ],
    ['v3 bad UTF-8', (() => { const b = handmade(good, f4(2), [3, 0]); b[20] = 0xff; return b; })(), /not valid UTF-8/],
  ];
  for (const [what, bytes, message] of cases) {
    it(what, () => {
      const path = join(dir, `bad-${what.replace(/\W+/g, '-')}.npy`);
      writeFileSync(path, bytes);
      let error: unknown;
      try {
        readNpy(path);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(NpyError);
      expect((error as Error).message.startsWith(`${path}: `)).toBe(true);
      expect((error as Error).message).toMatch(message);
      expect(() => decodeNpy(bytes, 'mem.npy')).toThrow(/^mem\.npy: /);
      expect(() => decodeNpy(bytes, 'mem.npy')).toThrow(message);
    });
  }

  it('the limit is adjustable and counts decoded bytes (float16 widens to 8)', () => {
    const a: NpyArray = { dtype: 'float16', shape: [16], data: new Float64Array(16) };
    const bytes = encodeNpy(a);
    expect(() => decodeNpy(bytes, 'h.npy', { maxBytes: 127 })).toThrow(/needs more than the 127-byte limit/);
    same(a, decodeNpy(bytes, 'h.npy', { maxBytes: 128 }));
    expect(MAX_NPY_BYTES).toBe(2 ** 30);
  });

  it('a zero dimension makes any shape empty', () => {
    const bytes = handmade("{'descr': '<f8', 'fortran_order': False, 'shape': (0, 4294967296, 4294967296), }");
    const a = decodeNpy(bytes);
    expect(a.data.length).toBe(0);
    expect([...a.shape]).toEqual([0, 4294967296, 4294967296]);
  });

  it('a missing file is an error naming it', () => {
    const path = join(dir, 'does-not-exist.npy');
    expect(() => readNpy(path)).toThrow(`${path}: cannot open`);
  });

  it('accepts the Python 2 long suffix and double quotes that old writers used', () => {
    const a = decodeNpy(handmade('{"descr": "<i4", "fortran_order": False, "shape": (2L, 1L)}', new Uint8Array(8)));
    expect(a.dtype).toBe('int32');
    expect([...a.shape]).toEqual([2, 1]);
  });
});
