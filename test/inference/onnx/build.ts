/**
 * Building ONNX files inside the tests with onnx-proto's encoder: nodes, attributes, initializers in every storage
 * form the importer reads, and a tiny reference for checking results.
 */
import onnxProto from 'onnx-proto';

export const { onnx } = onnxProto;

export type Attr = onnxProto.onnx.IAttributeProto;
export type TensorProto = onnxProto.onnx.ITensorProto;

export const int = (i: number): Attr => ({ type: 2, i });
export const float = (f: number): Attr => ({ type: 1, f });
export const ints = (v: number[]): Attr => ({ type: 7, ints: v });
export const floats = (v: number[]): Attr => ({ type: 6, floats: v });
export const str = (s: string): Attr => ({ type: 3, s: new TextEncoder().encode(s) });
export const tensorAttr = (t: TensorProto): Attr => ({ type: 4, t });

export interface NodeSpec {
  readonly op: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[] | string;
  readonly name?: string;
  readonly domain?: string;
  readonly attrs?: Readonly<Record<string, Attr>>;
}

export function n(
  op: string,
  inputs: readonly string[],
  outputs: readonly string[] | string,
  attrs: Readonly<Record<string, Attr>> = {},
  name?: string,
): NodeSpec {
  return { op, inputs, outputs, attrs, name: name ?? (typeof outputs === 'string' ? outputs : outputs[0]) };
}

export type Dtype = 'float32' | 'float16' | 'bfloat16' | 'float64' | 'int64' | 'int32' | 'bool' | 'int8' | 'uint8' | 'int16' | 'uint16';

const DATA_TYPE: Record<Dtype, number> = {
  float32: 1, float16: 10, bfloat16: 16, float64: 11, int64: 7, int32: 6, bool: 9, int8: 3, uint8: 2, int16: 5, uint16: 4,
};

/** Bits of an IEEE binary16 that holds `v` exactly (the tests only use such values). */
export function halfBits(v: number): number {
  if (Number.isNaN(v)) return 0x7e00;
  const sign = v < 0 || Object.is(v, -0) ? 0x8000 : 0;
  const a = Math.abs(v);
  if (a === Infinity) return sign | 0x7c00;
  if (a === 0) return sign;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  if (e < -14) {
    const m = a / 2 ** -24;
    if (!Number.isInteger(m)) throw new Error(`${v} is not a binary16 value`);
    return sign | m;
  }
  const m = (a / 2 ** e - 1) * 1024;
  if (!Number.isInteger(m) || e > 15) throw new Error(`${v} is not a binary16 value`);
  return sign | ((e + 15) << 10) | m;
}

/** Bits of a bfloat16 that holds `v` exactly. */
export function bfloatBits(v: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, v);
  const bits = view.getUint32(0);
  if ((bits & 0xffff) !== 0) throw new Error(`${v} is not a bfloat16 value`);
  return bits >>> 16;
}

/** A TensorProto holding `values` as `dtype`, in raw_data (little-endian) or in the typed field. */
export function tensor(
  name: string,
  dims: readonly number[],
  values: readonly number[],
  dtype: Dtype = 'float32',
  raw = false,
): TensorProto {
  const t: TensorProto = { name, dims: [...dims], dataType: DATA_TYPE[dtype] };
  if (raw) {
    const size = { float32: 4, float16: 2, bfloat16: 2, float64: 8, int64: 8, int32: 4, bool: 1, int8: 1, uint8: 1, int16: 2, uint16: 2 }[dtype];
    const bytes = new Uint8Array(values.length * size);
    const view = new DataView(bytes.buffer);
    values.forEach((v, i) => {
      switch (dtype) {
        case 'float32':
          return view.setFloat32(4 * i, v, true);
        case 'float64':
          return view.setFloat64(8 * i, v, true);
        case 'float16':
          return view.setUint16(2 * i, halfBits(v), true);
        case 'bfloat16':
          return view.setUint16(2 * i, bfloatBits(v), true);
        case 'int64':
          return view.setBigInt64(8 * i, BigInt(v), true);
        case 'int32':
          return view.setInt32(4 * i, v, true);
        case 'bool':
        case 'uint8':
          return view.setUint8(i, v);
        case 'int8':
          return view.setInt8(i, v);
        case 'int16':
          return view.setInt16(2 * i, v, true);
        case 'uint16':
          return view.setUint16(2 * i, v, true);
      }
    });
    t.rawData = bytes;
  } else {
    switch (dtype) {
      case 'float32':
        t.floatData = [...values];
        break;
      case 'float64':
        t.doubleData = [...values];
        break;
      case 'float16':
        t.int32Data = values.map(halfBits);
        break;
      case 'bfloat16':
        t.int32Data = values.map(bfloatBits);
        break;
      case 'int64':
        t.int64Data = [...values];
        break;
      case 'int32':
      case 'bool':
      case 'int8':
      case 'uint8':
      case 'int16':
      case 'uint16':
        t.int32Data = [...values];
        break;
    }
  }
  return t;
}

/** Dimension of a value info: a number, or a string for a symbolic dimension (dim_param), or null for unknown. */
export type Dim = number | string | null;

export function valueInfo(name: string, dims: readonly Dim[] | null, elemType = 1): onnxProto.onnx.IValueInfoProto {
  const shape = dims === null ? undefined : { dim: dims.map((d) => (d === null ? {} : typeof d === 'string' ? { dimParam: d } : { dimValue: d })) };
  return { name, type: { tensorType: { elemType, shape } } };
}

export interface ModelSpec {
  readonly opset?: number;
  readonly input?: readonly [string, readonly Dim[] | null];
  /** Further graph inputs (e.g. to test that only one is accepted). */
  readonly extraInputs?: readonly (readonly [string, readonly Dim[]])[];
  readonly output?: string | readonly string[];
  readonly outputDims?: readonly Dim[];
  readonly nodes: readonly NodeSpec[];
  readonly inits?: readonly TensorProto[];
  /** Also list the initializers as graph inputs (IR version 3 style). */
  readonly initsAsInputs?: boolean;
  readonly name?: string;
}

/** A ModelProto message for `spec` (input "x", output: the last node's first output, unless given). */
export function modelProto(spec: ModelSpec): onnxProto.onnx.IModelProto {
  const last = spec.nodes[spec.nodes.length - 1]!;
  const lastOut = typeof last.outputs === 'string' ? last.outputs : last.outputs[0]!;
  const outputs = spec.output === undefined ? [lastOut] : typeof spec.output === 'string' ? [spec.output] : spec.output;
  const [inName, inDims] = spec.input ?? ['x', [1, 4]];
  const inputs = [valueInfo(inName, inDims), ...(spec.extraInputs ?? []).map(([nm, d]) => valueInfo(nm, d))];
  if (spec.initsAsInputs === true) for (const t of spec.inits ?? []) inputs.push(valueInfo(t.name!, t.dims!.map(Number)));
  return {
    irVersion: 8,
    producerName: 'fpuless-tests',
    opsetImport: [{ domain: '', version: spec.opset ?? 13 }],
    graph: {
      name: spec.name ?? 'test',
      node: spec.nodes.map((s) => ({
        opType: s.op,
        name: s.name ?? '',
        domain: s.domain ?? '',
        input: [...s.inputs],
        output: typeof s.outputs === 'string' ? [s.outputs] : [...s.outputs],
        attribute: Object.entries(s.attrs ?? {}).map(([k, a]) => ({ ...a, name: k })),
      })),
      initializer: [...(spec.inits ?? [])],
      input: inputs,
      output: outputs.map((o) => valueInfo(o, spec.outputDims ?? null)),
    },
  };
}

export function encode(model: onnxProto.onnx.IModelProto): Uint8Array {
  return onnx.ModelProto.encode(model).finish();
}

export function model(spec: ModelSpec): Uint8Array {
  return encode(modelProto(spec));
}

/** Deterministic values in [-1, 1) rounded to binary32 (as a float32 file stores them). */
export function values(count: number, seed: number): number[] {
  let s = seed >>> 0 || 1;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out.push(Math.fround(s / 2 ** 31 - 1));
  }
  return out;
}
