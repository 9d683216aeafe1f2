/**
 * NumPy .npy files (format versions 1.0, 2.0 and 3.0), the way test vectors and weights move between fpuless and
 * Python. Supported: little-endian float16, float32, float64, uint8, int8, int32 and int64 arrays in C order.
 *
 * File layout: the magic "\x93NUMPY", a major and a minor version byte, the header length (uint16 little-endian in
 * version 1.0, uint32 in 2.0 and 3.0), the header (a Python dict literal with exactly the keys 'descr',
 * 'fortran_order' and 'shape'; latin-1 in 1.0/2.0, UTF-8 in 3.0), then the raw elements.
 *
 * Reading trusts nothing: a bad magic or version, a malformed header, Fortran order, an unsupported or big-endian
 * dtype, an element count larger than the memory limit (checked before anything is allocated), truncated data and
 * trailing bytes are all errors (NpyError) whose message starts with the file name. float16 elements are decoded from
 * their bits into doubles exactly (NaN payloads are not kept). Writing produces the same bytes as numpy's `np.save`
 * (including its header padding) and goes to disk atomically: a temporary file in the target directory, flushed, then
 * renamed over the target.
 */

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { writeFileAtomic } from '../../inference/model/writeFileAtomic.js';

export type NpyDtype = 'float16' | 'float32' | 'float64' | 'uint8' | 'int8' | 'int32' | 'int64';

/** An array as read or to be written. float16 elements are held as their exact double values. */
export type NpyArray =
  | { readonly dtype: 'float16' | 'float64'; readonly shape: readonly number[]; readonly data: Float64Array }
  | { readonly dtype: 'float32'; readonly shape: readonly number[]; readonly data: Float32Array }
  | { readonly dtype: 'uint8'; readonly shape: readonly number[]; readonly data: Uint8Array }
  | { readonly dtype: 'int8'; readonly shape: readonly number[]; readonly data: Int8Array }
  | { readonly dtype: 'int32'; readonly shape: readonly number[]; readonly data: Int32Array }
  | { readonly dtype: 'int64'; readonly shape: readonly number[]; readonly data: BigInt64Array };

export type NpyVersion = 1 | 2 | 3;

export interface NpyReadOptions {
  /** Largest array accepted, in bytes of the decoded data (default MAX_NPY_BYTES). */
  readonly maxBytes?: number;
}

export interface NpyWriteOptions {
  /** Format version; by default 1.0, or 2.0 when the header does not fit version 1.0's 65,535 bytes. */
  readonly version?: NpyVersion;
}

/** Default limit on the decoded data of one array: 1 GiB. */
export const MAX_NPY_BYTES = 0x40000000;

export class NpyError extends Error {
  constructor(source: string, message: string) {
    super(`${source}: ${message}`);
    this.name = 'NpyError';
  }
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"
const ALIGN = 64;
/** numpy leaves room for the first dimension to grow to this many digits when it writes a header. */
const GROWTH_AXIS_MAX_DIGITS = 21;

interface DtypeInfo {
  readonly size: number;
  /** Bytes per element once decoded (float16 widens to float64). */
  readonly decoded: number;
  readonly descr: string;
}

const DTYPES: Record<NpyDtype, DtypeInfo> = {
  float16: { size: 2, decoded: 8, descr: '<f2' },
  float32: { size: 4, decoded: 4, descr: '<f4' },
  float64: { size: 8, decoded: 8, descr: '<f8' },
  uint8: { size: 1, decoded: 1, descr: '|u1' },
  int8: { size: 1, decoded: 1, descr: '|i1' },
  int32: { size: 4, decoded: 4, descr: '<i4' },
  int64: { size: 8, decoded: 8, descr: '<i8' },
};

const KIND_SIZE_TO_DTYPE = new Map<string, NpyDtype>([
  ['f2', 'float16'], ['f4', 'float32'], ['f8', 'float64'], ['u1', 'uint8'], ['i1', 'int8'], ['i4', 'int32'], ['i8', 'int64'],
]);

const LITTLE_ENDIAN_HOST = endianness() === 'LE';

// ---------------------------------------------------------------------------------------------------------------
// float16 bits ↔ doubles, exactly

/** 2^k for k = -24 … 24, built by doubling and halving (exact). */
const POW2 = (() => {
  const t = new Float64Array(49);
  t[24] = 1;
  for (let k = 1; k <= 24; k++) t[24 + k] = t[23 + k]! * 2;
  for (let k = 1; k <= 24; k++) t[24 - k] = t[25 - k]! / 2;
  return t;
})();

function pow2(k: number): number {
  return POW2[k + 24]!;
}

/** The double a binary16 bit pattern stands for (every finite value is exact; NaNs become NaN). */
export function float16BitsToNumber(bits: number): number {
  const exp = (bits >>> 10) & 0x1f;
  const frac = bits & 0x3ff;
  let v: number;
  if (exp === 0) v = frac * pow2(-24);
  else if (exp === 31) v = frac === 0 ? Infinity : NaN;
  else v = (frac + 1024) * pow2(exp - 25);
  return (bits & 0x8000) !== 0 ? -v : v;
}

/**
 * The binary16 bit pattern of `v`, which must be exactly representable (a float16 array holds float16 values; this
 * writer does not round). NaN becomes the quiet NaN 0x7e00. Returns -1 when `v` is not representable.
 */
export function numberToFloat16Bits(v: number): number {
  if (Number.isNaN(v)) return 0x7e00;
  const sign = v < 0 || Object.is(v, -0) ? 0x8000 : 0;
  const a = Math.abs(v);
  if (a === Infinity) return sign | 0x7c00;
  if (a < pow2(-14)) {
    const m = a * pow2(24); // exact: scaling by a power of two within range
    return Number.isInteger(m) ? sign | m : -1;
  }
  for (let e = -14; e <= 15; e++) {
    if (a < pow2(e + 1)) {
      const m = a * pow2(10 - e);
      return Number.isInteger(m) ? sign | ((e + 15) << 10) | (m - 1024) : -1;
    }
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------------------------
// Header: a small parser for the Python literals numpy writes

type PyValue = string | number | boolean | PyValue[] | { tuple: PyValue[] } | Map<string, PyValue>;

class PyParser {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly source: string,
  ) {}

  fail(what: string): never {
    throw new NpyError(this.source, `malformed header: ${what} at character ${this.at} of ${JSON.stringify(this.text)}`);
  }

  private skip(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.at);
      if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d && c !== 0x0c && c !== 0x0b) return;
      this.at++;
    }
  }

  private peek(): string {
    this.skip();
    return this.text[this.at] ?? '';
  }

  private expect(c: string): void {
    if (this.peek() !== c) this.fail(`expected "${c}"`);
    this.at++;
  }

  parseAll(): PyValue {
    const v = this.value();
    this.skip();
    if (this.at !== this.text.length) this.fail('unexpected text after the dictionary');
    return v;
  }

  /** Items up to `close`, separated by commas, a trailing comma allowed; reports whether any comma was seen. */
  private items(close: string, item: () => void): boolean {
    let comma = false;
    while (this.peek() !== close) {
      item();
      if (this.peek() === ',') {
        this.at++;
        comma = true;
      } else if (this.peek() !== close) {
        this.fail(`expected "," or "${close}"`);
      }
    }
    this.at++;
    return comma;
  }

  private value(): PyValue {
    const c = this.peek();
    if (c === '{') {
      this.at++;
      const map = new Map<string, PyValue>();
      this.items('}', () => {
        const key = this.value();
        if (typeof key !== 'string') this.fail('dictionary keys must be strings');
        if (map.has(key)) this.fail(`duplicate key '${key}'`);
        this.expect(':');
        map.set(key, this.value());
      });
      return map;
    }
    if (c === '(' || c === '[') {
      this.at++;
      const list: PyValue[] = [];
      const comma = this.items(c === '(' ? ')' : ']', () => list.push(this.value()));
      if (c === '[') return list;
      // Python: "(3)" is the integer 3, "(3,)" a one-element tuple.
      if (list.length === 1 && !comma) return list[0]!;
      return { tuple: list };
    }
    if (c === "'" || c === '"') return this.string(c);
    const word = /(?:True|False|[+-]?\d+L?)/y;
    word.lastIndex = this.at;
    const match = word.exec(this.text);
    if (match === null) this.fail('expected a value');
    this.at += match[0].length;
    if (match[0] === 'True') return true;
    if (match[0] === 'False') return false;
    const n = Number(match[0].replace(/L$/, ''));
    if (!Number.isSafeInteger(n)) this.fail(`integer ${match[0]} is too large`);
    return n;
  }

  private string(quote: string): string {
    this.at++;
    let s = '';
    for (;;) {
      const ch = this.text[this.at++];
      if (ch === undefined) this.fail('unterminated string');
      if (ch === quote) return s;
      if (ch === '\\') this.fail('escapes in strings are not supported');
      s += ch;
    }
  }
}

interface Header {
  readonly dtype: NpyDtype;
  readonly shape: number[];
  readonly count: number;
}

/** `v` written back as Python, for messages. */
function pyRepr(v: PyValue): string {
  if (v instanceof Map) return `{${[...v].map(([k, e]) => `'${k}': ${pyRepr(e)}`).join(', ')}}`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (typeof v === 'object') return v.tuple.length === 1 ? `(${pyRepr(v.tuple[0]!)},)` : `(${v.tuple.map(pyRepr).join(', ')})`;
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

function parseDescr(v: PyValue, source: string): NpyDtype {
  if (typeof v !== 'string') {
    throw new NpyError(source, `unsupported dtype ${pyRepr(v)} (structured dtypes are not supported)`);
  }
  const m = /^([<>|=]?)([a-zA-Z]\d+)$/.exec(v);
  const dtype = m === null ? undefined : KIND_SIZE_TO_DTYPE.get(m[2]!);
  if (m === null || dtype === undefined) {
    throw new NpyError(
      source,
      `unsupported dtype '${v}'; supported: float16, float32, float64, uint8, int8, int32, int64 (little-endian)`,
    );
  }
  const order = m[1]!;
  if (DTYPES[dtype].size > 1 && order !== '<') {
    throw new NpyError(
      source,
      order === '>'
        ? `big-endian dtype '${v}' is not supported; save the array as little-endian ('<${m[2]}')`
        : `dtype '${v}' does not state its byte order; little-endian ('<${m[2]}') is required`,
    );
  }
  return dtype;
}

function parseHeader(text: string, source: string, maxBytes: number): Header {
  const parsed = new PyParser(text, source).parseAll();
  if (!(parsed instanceof Map)) throw new NpyError(source, `malformed header: expected a dictionary, got ${pyRepr(parsed)}`);
  const keys = [...parsed.keys()].sort();
  if (keys.join() !== 'descr,fortran_order,shape') {
    throw new NpyError(
      source,
      `malformed header: the keys must be exactly 'descr', 'fortran_order' and 'shape', got ${keys.map((k) => `'${k}'`).join(', ')}`,
    );
  }
  const fortran = parsed.get('fortran_order')!;
  if (typeof fortran !== 'boolean') throw new NpyError(source, `malformed header: fortran_order is ${pyRepr(fortran)}`);
  const dtype = parseDescr(parsed.get('descr')!, source);
  if (fortran) {
    throw new NpyError(source, 'Fortran-order (column-major) arrays are not supported; save the array in C order');
  }
  const rawShape = parsed.get('shape')!;
  if (rawShape === null || typeof rawShape !== 'object' || !('tuple' in rawShape)) {
    throw new NpyError(source, `malformed header: shape must be a tuple, got ${pyRepr(rawShape)}`);
  }
  const shape: number[] = [];
  for (const d of rawShape.tuple) {
    if (typeof d !== 'number' || d < 0) throw new NpyError(source, `malformed header: shape dimension ${pyRepr(d)} is not a non-negative integer`);
    shape.push(d);
  }
  const info = DTYPES[dtype];
  // Any zero dimension makes the array empty whatever the others say; otherwise the running product is compared
  // with the limit at every step, so it never grows past what a double holds exactly.
  const limit = Math.floor(maxBytes / info.decoded);
  let count = shape.includes(0) ? 0 : 1;
  for (const d of count === 0 ? [] : shape) {
    count *= d;
    if (count > limit) {
      throw new NpyError(
        source,
        `shape (${shape.join(', ')}) of ${dtype} needs more than the ${maxBytes}-byte limit; refusing to allocate it`,
      );
    }
  }
  return { dtype, shape, count };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

interface Preamble {
  readonly version: NpyVersion;
  /** Offset of the header text. */
  readonly headerStart: number;
  readonly headerLength: number;
}

function parsePreamble(bytes: Uint8Array, source: string): Preamble {
  const prefixMatches = MAGIC.every((b, i) => i >= bytes.length || bytes[i] === b);
  if (bytes.length < 8 && prefixMatches) {
    throw new NpyError(source, `truncated: ${bytes.length} bytes, fewer than the 8-byte magic and version`);
  }
  if (!prefixMatches) {
    const got = Array.from(bytes.subarray(0, 6), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new NpyError(source, `not a .npy file: the magic bytes are "${got}", expected 93 4e 55 4d 50 59 ("\\x93NUMPY")`);
  }
  const major = bytes[6]!;
  const minor = bytes[7]!;
  if ((major !== 1 && major !== 2 && major !== 3) || minor !== 0) {
    throw new NpyError(source, `unsupported .npy format version ${major}.${minor} (1.0, 2.0 and 3.0 are supported)`);
  }
  const headerStart = major === 1 ? 10 : 12;
  if (bytes.length < headerStart) throw new NpyError(source, `truncated: the file ends inside the header length`);
  const headerLength =
    major === 1 ? bytes[8]! | (bytes[9]! << 8) : (bytes[8]! | (bytes[9]! << 8) | (bytes[10]! << 16) | (bytes[11]! << 24)) >>> 0;
  return { version: major as NpyVersion, headerStart, headerLength };
}

function decodeHeaderText(bytes: Uint8Array, version: NpyVersion, source: string): string {
  if (version === 3) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new NpyError(source, 'malformed header: not valid UTF-8');
    }
  }
  return new TextDecoder('latin1').decode(bytes);
}

function decodeData(header: Header, raw: Uint8Array): NpyArray {
  const { dtype, count } = header;
  const shape = header.shape;
  if (dtype === 'float16') {
    const data = new Float64Array(count);
    for (let i = 0; i < count; i++) data[i] = float16BitsToNumber(raw[2 * i]! | (raw[2 * i + 1]! << 8));
    return { dtype, shape, data };
  }
  const size = DTYPES[dtype].size;
  // A private, aligned copy of the bytes (not `raw.slice`, which shares memory when `raw` is a Node Buffer); on a
  // little-endian host it already is the array.
  const copy = new Uint8Array(count * size);
  copy.set(raw.subarray(0, count * size));
  const buffer = copy.buffer;
  if (!LITTLE_ENDIAN_HOST && size > 1) {
    const view = new DataView(buffer);
    for (let i = 0; i < count * size; i += size) {
      for (let a = i, b = i + size - 1; a < b; a++, b--) {
        const t = view.getUint8(a);
        view.setUint8(a, view.getUint8(b));
        view.setUint8(b, t);
      }
    }
  }
  switch (dtype) {
    case 'float32': return { dtype, shape, data: new Float32Array(buffer) };
    case 'float64': return { dtype, shape, data: new Float64Array(buffer) };
    case 'uint8': return { dtype, shape, data: new Uint8Array(buffer) };
    case 'int8': return { dtype, shape, data: new Int8Array(buffer) };
    case 'int32': return { dtype, shape, data: new Int32Array(buffer) };
    case 'int64': return { dtype, shape, data: new BigInt64Array(buffer) };
  }
}

function checkDataLength(header: Header, available: number, source: string): void {
  const need = header.count * DTYPES[header.dtype].size;
  if (available < need) {
    throw new NpyError(
      source,
      `truncated: shape (${header.shape.join(', ')}) of ${header.dtype} needs ${need} data bytes, but only ${available} follow the header`,
    );
  }
  if (available > need) throw new NpyError(source, `${available - need} unexpected bytes after the ${need} data bytes`);
}

function maxBytesOf(options: NpyReadOptions | undefined): number {
  const max = options?.maxBytes ?? MAX_NPY_BYTES;
  if (!Number.isSafeInteger(max) || max < 0) throw new RangeError(`maxBytes must be a non-negative integer, got ${max}`);
  return max;
}

/** Parse a whole .npy file held in memory. `source` names it in error messages. */
export function decodeNpy(bytes: Uint8Array, source = '<npy buffer>', options?: NpyReadOptions): NpyArray {
  const maxBytes = maxBytesOf(options);
  const pre = parsePreamble(bytes, source);
  const dataStart = pre.headerStart + pre.headerLength;
  if (dataStart > bytes.length) {
    throw new NpyError(source, `truncated: the header is ${pre.headerLength} bytes long but the file ends ${dataStart - bytes.length} bytes short of it`);
  }
  const text = decodeHeaderText(bytes.subarray(pre.headerStart, dataStart), pre.version, source);
  const header = parseHeader(text, source, maxBytes);
  checkDataLength(header, bytes.length - dataStart, source);
  return decodeData(header, bytes.subarray(dataStart));
}

function readFully(fd: number, into: Uint8Array, position: number): number {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/**
 * Read a .npy file. The preamble and header are read and checked first; the data is allocated only once its size is
 * known to be within the limit and to match the file's length.
 */
export function readNpy(path: string, options?: NpyReadOptions): NpyArray {
  const maxBytes = maxBytesOf(options);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new NpyError(path, `cannot open (${(e as Error).message})`);
  }
  try {
    const size = fstatSync(fd).size;
    const head = new Uint8Array(Math.min(size, 12));
    readFully(fd, head, 0);
    const pre = parsePreamble(head, path);
    const dataStart = pre.headerStart + pre.headerLength;
    if (dataStart > size) {
      throw new NpyError(path, `truncated: the header is ${pre.headerLength} bytes long but the file ends ${dataStart - size} bytes short of it`);
    }
    const headerBytes = new Uint8Array(pre.headerLength);
    if (readFully(fd, headerBytes, pre.headerStart) !== pre.headerLength) throw new NpyError(path, 'truncated while reading the header');
    const header = parseHeader(decodeHeaderText(headerBytes, pre.version, path), path, maxBytes);
    checkDataLength(header, size - dataStart, path);
    const raw = new Uint8Array(size - dataStart);
    if (readFully(fd, raw, dataStart) !== raw.length) throw new NpyError(path, 'truncated while reading the data (the file shrank)');
    return decodeData(header, raw);
  } finally {
    closeSync(fd);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

function pyShape(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(', ')})`;
}

function checkArray(array: NpyArray): number {
  const info = DTYPES[array.dtype];
  if (info === undefined) throw new RangeError(`unsupported dtype ${JSON.stringify(array.dtype)}`);
  let count = 1;
  for (const d of array.shape) {
    if (!Number.isSafeInteger(d) || d < 0) throw new RangeError(`shape dimension ${d} is not a non-negative integer`);
    count *= d;
  }
  if (count !== array.data.length) {
    throw new RangeError(`shape (${array.shape.join(', ')}) holds ${count} elements but the data has ${array.data.length}`);
  }
  const expected = {
    float16: Float64Array, float64: Float64Array, float32: Float32Array, uint8: Uint8Array, int8: Int8Array,
    int32: Int32Array, int64: BigInt64Array,
  }[array.dtype];
  if (!(array.data instanceof expected)) throw new RangeError(`${array.dtype} data must be a ${expected.name}`);
  return count;
}

/** The bytes of a .npy file holding `array` (the same bytes `np.save` writes for it). */
export function encodeNpy(array: NpyArray, options?: NpyWriteOptions): Uint8Array {
  const count = checkArray(array);
  const info = DTYPES[array.dtype];
  let dict = `{'descr': '${info.descr}', 'fortran_order': False, 'shape': ${pyShape(array.shape)}, }`;
  if (array.shape.length > 0) dict += ' '.repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - String(array.shape[0]).length));
  // The header is ASCII, so its length in bytes is its length in characters in every version.
  const padded = (prefix: number): string => {
    const pad = ALIGN - ((prefix + dict.length + 1) % ALIGN);
    return `${dict}${' '.repeat(pad)}\n`;
  };
  let version = options?.version;
  if (version === undefined) version = padded(10).length <= 0xffff ? 1 : 2;
  if (version !== 1 && version !== 2 && version !== 3) throw new RangeError(`unsupported .npy version ${String(version)}`);
  const prefix = version === 1 ? 10 : 12;
  const header = padded(prefix);
  if (version === 1 && header.length > 0xffff) throw new RangeError(`header of ${header.length} bytes does not fit .npy version 1.0`);

  const dataStart = prefix + header.length;
  const bytes = new Uint8Array(dataStart + count * info.size);
  bytes.set(MAGIC, 0);
  bytes[6] = version;
  bytes[7] = 0;
  const view = new DataView(bytes.buffer);
  if (version === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  for (let i = 0; i < header.length; i++) bytes[prefix + i] = header.charCodeAt(i);

  if (array.dtype === 'float16') {
    const d = array.data;
    for (let i = 0; i < count; i++) {
      const bits = numberToFloat16Bits(d[i]!);
      if (bits < 0) throw new RangeError(`float16 element ${i} (${d[i]}) is not exactly representable in binary16`);
      view.setUint16(dataStart + 2 * i, bits, true);
    }
    return bytes;
  }
  for (let i = 0; i < count; i++) {
    const at = dataStart + i * info.size;
    switch (array.dtype) {
      case 'float32': view.setFloat32(at, array.data[i]!, true); break;
      case 'float64': view.setFloat64(at, array.data[i]!, true); break;
      case 'uint8': view.setUint8(at, array.data[i]!); break;
      case 'int8': view.setInt8(at, array.data[i]!); break;
      case 'int32': view.setInt32(at, array.data[i]!, true); break;
      case 'int64': view.setBigInt64(at, array.data[i]!, true); break;
    }
  }
  return bytes;
}

/**
 * Write `array` to `path` atomically: the bytes go to a temporary file next to `path`, are flushed to disk, and the
 * temporary file is renamed over `path`. On failure the temporary file is removed and `path` is left as it was.
 */
export function writeNpy(path: string, array: NpyArray, options?: NpyWriteOptions): void {
  writeFileAtomic(path, encodeNpy(array, options));
}

/** The elements of any array as doubles (int64 must stay within ±2^53 to convert exactly). */
export function npyToFloat64(array: NpyArray, source = '<npy array>'): Float64Array {
  if (array.data instanceof Float64Array) return array.data;
  if (array.data instanceof BigInt64Array) {
    const d = array.data;
    const out = new Float64Array(d.length);
    for (let i = 0; i < d.length; i++) {
      const v = d[i]!;
      if (v > 9007199254740992n || v < -9007199254740992n) throw new NpyError(source, `int64 element ${i} (${v}) is beyond ±2^53`);
      out[i] = Number(v);
    }
    return out;
  }
  return Float64Array.from(array.data);
}
