/**
 * ONNX TensorProto → doubles. Supported element types: float32, float16, bfloat16, float64 (weights) and int64,
 * int32, bool (shapes, flags and other integer constants), stored either in `raw_data` (little-endian, any
 * alignment) or in the typed fields (`float_data`, `double_data`, `int64_data`, `int32_data`; float16 and bfloat16
 * keep their bit patterns in `int32_data`, bool its 0 or 1).
 *
 * Everything is checked before anything is allocated: external data and segments are refused, the dimensions must be
 * non-negative integers whose product stays within the memory limit of shapes.ts, and the data must hold exactly that
 * many elements. Non-finite values are allowed here (a Clip bound may be −∞); a tensor that becomes a weight of the
 * graph is checked for finiteness when it does (GraphBuilder.weight).
 */

import { ModelError, type NodeRef } from '../model/errors.js';
import { MAX_ELEMENTS, formatShape } from '../model/shapes.js';
import { DataType, type TensorProto, dataTypeName, int64 } from './proto.js';

export type ConstDtype =
  | 'float32' | 'float16' | 'bfloat16' | 'float64' | 'int64' | 'int32' | 'int16' | 'uint16' | 'int8' | 'uint8' | 'bool';

/** A constant known at import time: an initializer, a Constant node's value, or a folded result. */
export interface ConstTensor {
  /** ONNX name (for messages and as the default initializer name). */
  readonly name: string;
  readonly dims: readonly number[];
  /** Row-major elements; integer types converted exactly (|v| ≤ 2^53) or to the nearest double. */
  readonly data: Float64Array;
  readonly dtype: ConstDtype;
}

interface Layout {
  readonly dtype: ConstDtype;
  readonly bytes: number;
}

const LAYOUTS = new Map<number, Layout>([
  [DataType.FLOAT, { dtype: 'float32', bytes: 4 }],
  [DataType.FLOAT16, { dtype: 'float16', bytes: 2 }],
  [DataType.BFLOAT16, { dtype: 'bfloat16', bytes: 2 }],
  [DataType.DOUBLE, { dtype: 'float64', bytes: 8 }],
  [DataType.INT64, { dtype: 'int64', bytes: 8 }],
  [DataType.INT32, { dtype: 'int32', bytes: 4 }],
  [DataType.INT16, { dtype: 'int16', bytes: 2 }],
  [DataType.UINT16, { dtype: 'uint16', bytes: 2 }],
  [DataType.INT8, { dtype: 'int8', bytes: 1 }],
  [DataType.UINT8, { dtype: 'uint8', bytes: 1 }],
  [DataType.BOOL, { dtype: 'bool', bytes: 1 }],
]);

export function isFloatDtype(dtype: ConstDtype): boolean {
  return dtype === 'float32' || dtype === 'float16' || dtype === 'bfloat16' || dtype === 'float64';
}

/** Range of the integer element types that fit int32_data (the quantized codes of QDQ models). */
const SMALL_INT_RANGE: Partial<Record<ConstDtype, readonly [number, number]>> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-(2 ** 31), 2 ** 31 - 1],
};

/** IEEE binary16 bit pattern → double (exact). */
export function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >>> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 0x1f) return frac === 0 ? sign * Infinity : NaN;
  return sign * (0x400 + frac) * 2 ** (exp - 25);
}

/** bfloat16 bit pattern → double (exact): the upper half of a binary32. */
export function bfloat16ToNumber(bits: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, (bits & 0xffff) << 16);
  return view.getFloat32(0);
}

/**
 * Element count of ONNX dims, checked against the memory limit before anything is allocated. `what` names the tensor
 * or value for the message.
 */
export function checkedDims(raw: readonly unknown[], what: string, node?: NodeRef): number[] {
  const dims: number[] = [];
  let count = 1;
  for (let i = 0; i < raw.length; i++) {
    const d = int64(raw[i] as Parameters<typeof int64>[0]);
    if (!Number.isInteger(d) || d < 0) {
      throw new ModelError(`${what} has dimension ${i} = ${d}; dimensions must be non-negative integers`, node);
    }
    if (d > MAX_ELEMENTS) {
      throw new ModelError(
        `${what} has dimension ${i} = ${d}: more than 2^28 (${MAX_ELEMENTS}) elements, which exceeds the memory limit`,
        node,
      );
    }
    dims.push(d);
    count *= d;
    if (count > MAX_ELEMENTS) {
      throw new ModelError(
        `${what} has dims [${raw.map((v) => int64(v as Parameters<typeof int64>[0])).join(', ')}]: more than 2^28 ` +
          `(${MAX_ELEMENTS}) elements, which exceeds the memory limit`,
        node,
      );
    }
  }
  return dims;
}

function count(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

/**
 * Decode `t`. `what` names it for messages (`initializer "W"`, `attribute value`); `node` is the Constant node when
 * the tensor is one's value.
 */
export function decodeTensor(t: TensorProto, what: string, node?: NodeRef): ConstTensor {
  const name = t.name ?? '';
  if (t.dataLocation === 1 || (t.externalData !== null && t.externalData !== undefined && t.externalData.length > 0)) {
    const location = t.externalData?.find((e) => e.key === 'location')?.value;
    throw new ModelError(
      `${what} keeps its data in an external file${location ? ` ("${location}")` : ''}, which is not supported: ` +
        'save the model with all tensors inside the .onnx file (onnx.save_model(..., save_as_external_data=False))',
      node,
    );
  }
  if (t.segment !== null && t.segment !== undefined) {
    throw new ModelError(`${what} is a segment of a larger tensor, which is not supported`, node);
  }
  const dims = checkedDims(t.dims ?? [], what, node);
  const n = count(dims);
  const layout = LAYOUTS.get(t.dataType ?? 0);
  if (layout === undefined) {
    throw new ModelError(
      `${what} has element type ${dataTypeName(t.dataType)}; supported are float32, float16, bfloat16, float64, ` +
        'int64, int32, int16, uint16, int8, uint8 and bool',
      node,
    );
  }
  const raw = t.rawData ?? new Uint8Array(0);
  const typed = typedField(t, layout.dtype);
  if (raw.length > 0 && typed.length > 0) {
    throw new ModelError(`${what} has both raw_data and ${typedFieldName(layout.dtype)}; a tensor must use one`, node);
  }
  const data =
    raw.length > 0 || typed.length === 0
      ? fromRaw(raw, n, layout, dims, what, node)
      : fromTyped(typed, n, layout, dims, what, node);
  return { name, dims, data, dtype: layout.dtype };
}

function typedFieldName(dtype: ConstDtype): string {
  switch (dtype) {
    case 'float32':
      return 'float_data';
    case 'float64':
      return 'double_data';
    case 'int64':
      return 'int64_data';
    default:
      return 'int32_data';
  }
}

function typedField(t: TensorProto, dtype: ConstDtype): readonly Parameters<typeof int64>[0][] {
  switch (dtype) {
    case 'float32':
      return t.floatData ?? [];
    case 'float64':
      return t.doubleData ?? [];
    case 'int64':
      return t.int64Data ?? [];
    default:
      return t.int32Data ?? [];
  }
}

function fromRaw(
  raw: Uint8Array,
  n: number,
  layout: Layout,
  dims: number[],
  what: string,
  node?: NodeRef,
): Float64Array {
  const need = n * layout.bytes;
  if (raw.length !== need) {
    throw new ModelError(
      `${what} has ${raw.length} bytes of data, but dims ${formatShape(dims)} of ${layout.dtype} need ${need}`,
      node,
    );
  }
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    switch (layout.dtype) {
      case 'float32':
        data[i] = view.getFloat32(4 * i, true);
        break;
      case 'float64':
        data[i] = view.getFloat64(8 * i, true);
        break;
      case 'float16':
        data[i] = halfToNumber(view.getUint16(2 * i, true));
        break;
      case 'bfloat16':
        data[i] = bfloat16ToNumber(view.getUint16(2 * i, true));
        break;
      case 'int64':
        data[i] = Number(view.getBigInt64(8 * i, true));
        break;
      case 'int32':
        data[i] = view.getInt32(4 * i, true);
        break;
      case 'int16':
        data[i] = view.getInt16(2 * i, true);
        break;
      case 'uint16':
        data[i] = view.getUint16(2 * i, true);
        break;
      case 'int8':
        data[i] = view.getInt8(i);
        break;
      case 'uint8':
        data[i] = view.getUint8(i);
        break;
      case 'bool':
        data[i] = view.getUint8(i) === 0 ? 0 : 1;
        break;
    }
  }
  return data;
}

function fromTyped(
  typed: readonly Parameters<typeof int64>[0][],
  n: number,
  layout: Layout,
  dims: number[],
  what: string,
  node?: NodeRef,
): Float64Array {
  if (typed.length !== n) {
    throw new ModelError(
      `${what} has ${typed.length} values in ${typedFieldName(layout.dtype)}, but dims ${formatShape(dims)} need ${n}`,
      node,
    );
  }
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = int64(typed[i]);
    if (layout.dtype === 'float16' || layout.dtype === 'bfloat16') {
      if (!Number.isInteger(v) || v < 0 || v > 0xffff) {
        throw new ModelError(`${what} element ${i}: ${v} in int32_data is not a 16-bit ${layout.dtype} pattern`, node);
      }
      data[i] = layout.dtype === 'float16' ? halfToNumber(v) : bfloat16ToNumber(v);
    } else if (SMALL_INT_RANGE[layout.dtype] !== undefined) {
      const [lo, hi] = SMALL_INT_RANGE[layout.dtype]!;
      if (!Number.isInteger(v) || v < lo || v > hi) {
        throw new ModelError(`${what} element ${i}: ${v} in int32_data is outside the ${layout.dtype} range`, node);
      }
      data[i] = v;
    } else {
      data[i] = v;
    }
  }
  return data;
}
