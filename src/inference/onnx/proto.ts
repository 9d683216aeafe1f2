/**
 * The ONNX protobuf messages (the generated `onnx` namespace of onnx-proto, on protobufjs 6) and the small helpers the
 * importer needs around them: decoding a file with every protobuf failure turned into a ModelError, 64-bit integers
 * (protobufjs hands them out as Long objects) to numbers, and element type names.
 */

import onnxProto from 'onnx-proto';
import { ModelError } from '../model/errors.js';

// onnx-proto is CommonJS: its namespace arrives as the default export under Node's ESM loader.
export const onnx = onnxProto.onnx;
// eslint-disable-next-line @typescript-eslint/no-redeclare
export type onnx = typeof onnxProto.onnx;

export type ModelProto = onnxProto.onnx.ModelProto;
export type GraphProto = onnxProto.onnx.IGraphProto;
export type NodeProto = onnxProto.onnx.INodeProto;
export type TensorProto = onnxProto.onnx.ITensorProto;
export type AttributeProto = onnxProto.onnx.IAttributeProto;
export type ValueInfoProto = onnxProto.onnx.IValueInfoProto;

/** A 64-bit protobuf integer as protobufjs gives it: a number, or a Long when the `long` package is present. */
export type Int64 = number | { toNumber(): number } | null | undefined;

/**
 * The number an int64 field holds: exact when it is a safe integer, otherwise the nearest double (the callers
 * reject anything outside their ranges, which are all far below 2^53). Absent fields read as 0.
 */
export function int64(v: Int64): number {
  if (v === null || v === undefined) return 0;
  return typeof v === 'number' ? v : v.toNumber();
}

/** Element types of TensorProto.DataType, by number, for messages. */
const DATA_TYPE_NAMES = [
  'undefined', 'float32', 'uint8', 'int8', 'uint16', 'int16', 'int32', 'int64', 'string', 'bool', 'float16', 'float64',
  'uint32', 'uint64', 'complex64', 'complex128', 'bfloat16', 'float8e4m3fn', 'float8e4m3fnuz', 'float8e5m2',
  'float8e5m2fnuz', 'uint4', 'int4', 'float4e2m1',
];

export function dataTypeName(t: number | null | undefined): string {
  const n = t ?? 0;
  return DATA_TYPE_NAMES[n] ?? `data type ${n}`;
}

export const DataType = {
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
  BFLOAT16: 16,
} as const;

/** AttributeProto.AttributeType. */
export const AttrType = {
  UNDEFINED: 0,
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  GRAPH: 5,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
} as const;

/** Decode an ONNX file; a truncated or corrupt protobuf is a ModelError. */
export function decodeModel(bytes: Uint8Array): ModelProto {
  if (!(bytes instanceof Uint8Array)) throw new ModelError('onnx: expected the file contents as a Uint8Array');
  if (bytes.length === 0) throw new ModelError('onnx: the file is empty');
  try {
    // A plain Uint8Array view, not a Node Buffer: protobufjs then reads through subarray views, and never calls the
    // deprecated Buffer constructor for empty byte fields.
    return onnx.ModelProto.decode(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    // protobufjs throws RangeError on truncation ("index out of range"), Error on bad wire types; a deeply nested
    // hostile message can also exhaust the stack. All of them mean the same thing here.
    const why = e instanceof Error ? e.message : String(e);
    throw new ModelError(`onnx: not a valid ONNX protobuf (truncated or corrupt file: ${why})`);
  }
}
