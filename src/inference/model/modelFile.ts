/**
 * fpuless's own model file (spec/model.md, "Model file"): magic "FPLM", a uint32 little-endian header length, a UTF-8
 * JSON header describing the graph and an initializer table, zero padding to a multiple of 8, then the little-endian
 * weights. One file, readable from C with a JSON parser and memcpy.
 *
 * `readModel` trusts nothing: every length, offset, name, shape and weight is checked before use (weights must be
 * finite), then the graph is validated and its BatchNormalizations folded, so what it returns is ready for any engine.
 */

import { readFileSync } from 'node:fs';
import { ModelError } from './errors.js';
import { foldBatchNorm } from './foldBatchNorm.js';
import type { Graph, GraphNode, NodeAttributes, OpType, Tensor, ValueInfo } from './graph.js';
import { checkShape, formatShape } from './shapes.js';
import { validateGraph } from './validate.js';
import { writeFileAtomic } from './writeFileAtomic.js';

export type WeightDtype = 'float32' | 'float64';

/** "FPLM" in ASCII. */
export const MODEL_MAGIC: readonly number[] = [0x46, 0x50, 0x4c, 0x4d];
export const MODEL_FORMAT = 'fpuless-model';
export const MODEL_VERSION = 1;
/** Largest header a reader accepts (64 MiB). */
export const MAX_HEADER_BYTES = 0x4000000;
const PREAMBLE = 8;

const ELEMENT_BYTES: Record<WeightDtype, number> = { float32: 4, float64: 8 };
/** Attribute keys in the order they are written. */
const ATTR_ORDER: readonly (keyof NodeAttributes)[] = [
  'kernel', 'strides', 'pads', 'dilations', 'group', 'countIncludePad', 'min', 'max', 'alpha', 'axis', 'shape', 'epsilon',
];

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

function fileError(message: string): ModelError {
  return new ModelError(`model file: ${message}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

interface HeaderInitializer {
  name: string;
  shape: number[];
  dtype: WeightDtype;
  byteOffset: number;
  byteLength: number;
}

/** Serialize `graph` (validated first) with weights stored as `dtype` (float32 rounds to nearest-even). */
export function writeModel(graph: Graph, dtype: WeightDtype = 'float32'): Uint8Array {
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw new ModelError(`weight dtype must be "float32" or "float64", got ${JSON.stringify(dtype)}`);
  }
  const shapes = validateGraph(graph);
  const size = ELEMENT_BYTES[dtype];
  const table: HeaderInitializer[] = [];
  let at = 0;
  for (const t of graph.initializers.values()) {
    const byteLength = t.data.length * size;
    table.push({ name: t.name, shape: [...t.shape], dtype, byteOffset: at, byteLength });
    at = align8(at + byteLength);
  }
  const weightsLength = at;
  const nodes = graph.nodes.map((n) => {
    const attrs: Record<string, unknown> = {};
    for (const key of ATTR_ORDER) {
      const v = n.attrs[key];
      if (v !== undefined) attrs[key] = Array.isArray(v) ? [...v] : v;
    }
    return { name: n.name, op: n.op, inputs: [...n.inputs], outputs: [...n.outputs], attrs };
  });
  const header = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    name: graph.name,
    inputs: graph.inputs.map((v) => ({ name: v.name, shape: [...v.shape] })),
    outputs: graph.outputs.map((v) => ({ name: v.name, shape: [...shapes.get(v.name)!] })),
    nodes,
    initializers: table,
    weightsLength,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  if (json.length > MAX_HEADER_BYTES) throw new ModelError(`model header of ${json.length} bytes exceeds ${MAX_HEADER_BYTES}`);
  const start = align8(PREAMBLE + json.length);
  const bytes = new Uint8Array(start + weightsLength);
  bytes.set(MODEL_MAGIC, 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, json.length, true);
  bytes.set(json, PREAMBLE);
  let k = 0;
  for (const t of graph.initializers.values()) {
    const base = start + table[k++]!.byteOffset;
    const d = t.data;
    for (let i = 0; i < d.length; i++) {
      if (dtype === 'float64') {
        view.setFloat64(base + 8 * i, d[i]!, true);
      } else {
        const f = Math.fround(d[i]!);
        if (!Number.isFinite(f)) {
          throw new ModelError(`initializer "${t.name}" element ${i} (${d[i]}) overflows float32; write the model as float64`);
        }
        view.setFloat32(base + 4 * i, f, true);
      }
    }
  }
  return bytes;
}

/**
 * Write the model file to `path` atomically: the bytes go to a temporary file in the same directory, are flushed to
 * disk, and the temporary file is renamed over `path`. On any failure the temporary file is removed and `path` is
 * untouched.
 */
export function saveModel(path: string, graph: Graph, dtype: WeightDtype = 'float32'): void {
  writeFileAtomic(path, writeModel(graph, dtype));
}

/** Read and check a model file from disk (see `readModel`). */
export function loadModel(path: string): Graph {
  return readModel(readFileSync(path));
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

type Json = Record<string, unknown>;

function object(v: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Json {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw fileError(`${path} must be an object`);
  const o = v as Json;
  for (const key of Object.keys(o)) {
    if (!required.includes(key) && !optional.includes(key)) throw fileError(`${path} has an unknown key "${key}"`);
  }
  for (const key of required) if (!Object.hasOwn(o, key)) throw fileError(`${path} lacks the key "${key}"`);
  return o;
}

function array(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw fileError(`${path} must be an array`);
  return v;
}

function string(v: unknown, path: string): string {
  if (typeof v !== 'string') throw fileError(`${path} must be a string`);
  return v;
}

function strings(v: unknown, path: string): string[] {
  return array(v, path).map((e, i) => string(e, `${path}[${i}]`));
}

function valueInfo(v: unknown, path: string): ValueInfo {
  const o = object(v, path, ['name', 'shape']);
  const shape = array(o.shape, `${path}.shape`);
  return { name: string(o.name, `${path}.name`), shape: shape as number[] };
}

function node(v: unknown, path: string): GraphNode {
  const o = object(v, path, ['name', 'op', 'inputs', 'outputs'], ['attrs']);
  const raw = o.attrs ?? {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw fileError(`${path}.attrs must be an object`);
  const attrs = raw as Json;
  return {
    name: string(o.name, `${path}.name`),
    op: string(o.op, `${path}.op`) as OpType,
    inputs: strings(o.inputs, `${path}.inputs`),
    outputs: strings(o.outputs, `${path}.outputs`),
    // Types and ranges of the attributes are checked by validateGraph.
    attrs: Object.fromEntries(Object.entries(attrs)) as NodeAttributes,
  };
}

function isSize(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function decodeTensor(
  entry: unknown,
  path: string,
  weights: DataView,
  taken: { has(name: string): boolean },
): Tensor {
  const o = object(entry, path, ['name', 'shape', 'dtype', 'byteOffset', 'byteLength']);
  const name = string(o.name, `${path}.name`);
  if (name.length === 0) throw fileError(`${path}.name is empty`);
  const what = `initializer "${name}"`;
  if (taken.has(name)) throw fileError(`${what} appears twice in the initializer table`);
  const count = checkShape(o.shape, `model file: ${what}`);
  const shape = o.shape as number[];
  const dtype = o.dtype;
  if (dtype !== 'float32' && dtype !== 'float64') {
    throw fileError(`${what} has dtype ${JSON.stringify(dtype)}; only "float32" and "float64" are supported`);
  }
  const size = ELEMENT_BYTES[dtype];
  const { byteOffset, byteLength } = o;
  if (!isSize(byteOffset) || byteOffset % size !== 0) {
    throw fileError(`${what} byteOffset ${JSON.stringify(byteOffset)} must be a non-negative multiple of ${size}`);
  }
  if (byteLength !== count * size) {
    throw fileError(
      `${what} byteLength ${JSON.stringify(byteLength)} does not match shape ${formatShape(shape)} as ${dtype} (${count * size} bytes)`,
    );
  }
  if (byteOffset + count * size > weights.byteLength) {
    throw fileError(
      `${what} occupies bytes ${byteOffset} … ${byteOffset + count * size - 1}, beyond the ${weights.byteLength}-byte weights section`,
    );
  }
  const data = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const v = dtype === 'float64' ? weights.getFloat64(byteOffset + 8 * i, true) : weights.getFloat32(byteOffset + 4 * i, true);
    if (!Number.isFinite(v)) throw fileError(`${what} element ${i} is ${v}`);
    data[i] = v;
  }
  return { name, shape: [...shape], data };
}

/**
 * Parse a model file, check every part of it, validate the graph and fold its BatchNormalizations; the returned
 * graph's output carries its inferred shape. Throws a ModelError that names what is wrong (the file part, tensor or
 * node).
 */
export function readModel(bytes: Uint8Array): Graph {
  if (!(bytes instanceof Uint8Array)) throw fileError('expected a Uint8Array');
  const n = bytes.length;
  if (n < PREAMBLE) throw fileError(`truncated: ${n} bytes, fewer than the 8-byte preamble (magic and header length)`);
  if (MODEL_MAGIC.some((b, i) => bytes[i] !== b)) {
    const got = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw fileError(`bad magic bytes ${got}; expected 46 50 4c 4d ("FPLM"): not an fpuless model file`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(4, true);
  if (headerLength > MAX_HEADER_BYTES) {
    throw fileError(`header length ${headerLength} exceeds the limit ${MAX_HEADER_BYTES}`);
  }
  if (PREAMBLE + headerLength > n) {
    throw fileError(`truncated: the header length is ${headerLength} bytes, but only ${n - PREAMBLE} follow the preamble`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREAMBLE, PREAMBLE + headerLength));
  } catch {
    throw fileError('the header is not valid UTF-8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw fileError(`the header is not valid JSON (${(e as Error).message})`);
  }
  const h = object(parsed, 'header', ['format', 'version', 'name', 'inputs', 'outputs', 'nodes', 'initializers', 'weightsLength']);
  if (h.format !== MODEL_FORMAT) throw fileError(`header format is ${JSON.stringify(h.format)}, expected "${MODEL_FORMAT}"`);
  if (h.version !== MODEL_VERSION) {
    throw fileError(`unsupported version ${JSON.stringify(h.version)} (this reader knows version ${MODEL_VERSION})`);
  }
  const weightsLength = h.weightsLength;
  if (!isSize(weightsLength)) throw fileError(`header weightsLength ${JSON.stringify(weightsLength)} must be a non-negative integer`);

  const start = align8(PREAMBLE + headerLength);
  if (start > n) throw fileError(`truncated: the file ends inside the padding after the header (${n} of ${start} bytes)`);
  for (let i = PREAMBLE + headerLength; i < start; i++) {
    if (bytes[i] !== 0) throw fileError(`padding byte at offset ${i} is ${bytes[i]}, not 0`);
  }
  if (start + weightsLength > n) {
    throw fileError(`truncated: the header announces ${weightsLength} weight bytes, but only ${n - start} follow`);
  }
  if (start + weightsLength < n) throw fileError(`${n - start - weightsLength} unexpected bytes after the weights`);

  const weights = new DataView(bytes.buffer, bytes.byteOffset + start, weightsLength);
  const initializers = new Map<string, Tensor>();
  array(h.initializers, 'header.initializers').forEach((entry, i) => {
    const t = decodeTensor(entry, `header.initializers[${i}]`, weights, initializers);
    initializers.set(t.name, t);
  });
  const graph: Graph = {
    name: string(h.name, 'header.name'),
    inputs: array(h.inputs, 'header.inputs').map((v, i) => valueInfo(v, `header.inputs[${i}]`)),
    outputs: array(h.outputs, 'header.outputs').map((v, i) => valueInfo(v, `header.outputs[${i}]`)),
    nodes: array(h.nodes, 'header.nodes').map((v, i) => node(v, `header.nodes[${i}]`)),
    initializers,
  };
  const folded = foldBatchNorm(graph);
  // The output shape may be left unspecified ([]) in the file; hand it back as inferred.
  const output = folded.outputs[0]!;
  const shape = validateGraph(folded).get(output.name)!;
  return { ...folded, outputs: [{ name: output.name, shape: [...shape] }] };
}
