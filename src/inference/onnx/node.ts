/**
 * One ONNX node as the importer sees it: a unique graph name, operator and domain, input and output names, and typed
 * access to its attributes (every attribute read is checked for its type; attributes an operator does not know are
 * refused rather than silently ignored).
 */

import { ModelError, type NodeRef } from '../model/errors.js';
import { AttrType, type AttributeProto, type NodeProto, type TensorProto, int64 } from './proto.js';

const TYPE_NAMES = ['undefined', 'float', 'int', 'string', 'tensor', 'graph', 'floats', 'ints', 'strings', 'tensors',
  'graphs', 'sparse tensor', 'sparse tensors', 'type proto', 'type protos'];

function has(a: AttributeProto, key: keyof AttributeProto): boolean {
  return Object.prototype.hasOwnProperty.call(a, key);
}

/** The attribute's type; files written without `type` (very old exporters) are recognized by the field present. */
function attrType(a: AttributeProto): number {
  if (a.type !== null && a.type !== undefined && a.type !== 0) return a.type;
  if ((a.ints?.length ?? 0) > 0) return AttrType.INTS;
  if ((a.floats?.length ?? 0) > 0) return AttrType.FLOATS;
  if ((a.strings?.length ?? 0) > 0) return AttrType.STRINGS;
  if (has(a, 't') && a.t !== null) return AttrType.TENSOR;
  if (has(a, 'g') && a.g !== null) return AttrType.GRAPH;
  if (has(a, 's')) return AttrType.STRING;
  if (has(a, 'i')) return AttrType.INT;
  if (has(a, 'f')) return AttrType.FLOAT;
  return AttrType.UNDEFINED;
}

export class OnnxNode implements NodeRef {
  /** Unique among the graph's nodes (the ONNX name, or `<op>_<index>` when it has none or repeats one). */
  readonly name: string;
  readonly op: string;
  readonly domain: string;
  /** Input value names; '' marks an omitted optional input. */
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** Position in the ONNX graph. */
  readonly index: number;
  private readonly attrs = new Map<string, AttributeProto>();

  constructor(proto: NodeProto, name: string, index: number) {
    this.name = name;
    this.op = proto.opType ?? '';
    this.domain = proto.domain ?? '';
    this.inputs = proto.input ?? [];
    this.outputs = proto.output ?? [];
    this.index = index;
    for (const a of proto.attribute ?? []) {
      const key = a.name ?? '';
      if (this.attrs.has(key)) throw new ModelError(`attribute ${key} is given twice`, this);
      if (a.refAttrName) {
        throw new ModelError(`attribute ${key} refers to a function attribute, which is not supported`, this);
      }
      this.attrs.set(key, a);
    }
  }

  /** The operator as messages show it: `Erf`, or `com.microsoft.Gelu` outside the default domain. */
  get qualifiedOp(): string {
    return this.domain === '' || this.domain === 'ai.onnx' ? this.op : `${this.domain}.${this.op}`;
  }

  has(key: string): boolean {
    return this.attrs.has(key);
  }

  /** Refuse every attribute outside `known`. */
  checkAttributes(known: readonly string[]): void {
    for (const key of this.attrs.keys()) {
      if (!known.includes(key)) {
        const list = known.length === 0 ? 'none' : known.join(', ');
        throw new ModelError(`attribute ${key} is not supported for ${this.op} (supported: ${list})`, this);
      }
    }
  }

  private get(key: string, type: number): AttributeProto | undefined {
    const a = this.attrs.get(key);
    if (a === undefined) return undefined;
    const t = attrType(a);
    if (t !== type) {
      throw new ModelError(
        `attribute ${key} must be of type ${TYPE_NAMES[type]}, got ${TYPE_NAMES[t] ?? `type ${t}`}`,
        this,
      );
    }
    return a;
  }

  private integer(key: string, v: Parameters<typeof int64>[0]): number {
    const n = int64(v);
    if (!Number.isSafeInteger(n)) throw new ModelError(`attribute ${key} = ${n} is out of range`, this);
    return n;
  }

  int(key: string, dflt: number): number;
  int(key: string): number | undefined;
  int(key: string, dflt?: number): number | undefined {
    const a = this.get(key, AttrType.INT);
    return a === undefined ? dflt : this.integer(key, a.i);
  }

  ints(key: string): number[] | undefined {
    const a = this.get(key, AttrType.INTS);
    return a === undefined ? undefined : (a.ints ?? []).map((v) => this.integer(key, v));
  }

  float(key: string, dflt: number): number;
  float(key: string): number | undefined;
  float(key: string, dflt?: number): number | undefined {
    const a = this.get(key, AttrType.FLOAT);
    if (a === undefined) return dflt;
    const f = a.f ?? 0;
    if (!Number.isFinite(f)) throw new ModelError(`attribute ${key} is ${f}; it must be finite`, this);
    return f;
  }

  floats(key: string): number[] | undefined {
    const a = this.get(key, AttrType.FLOATS);
    if (a === undefined) return undefined;
    const v = a.floats ?? [];
    for (const f of v) {
      if (!Number.isFinite(f)) throw new ModelError(`attribute ${key} holds ${f}; values must be finite`, this);
    }
    return v;
  }

  string(key: string, dflt: string): string {
    const a = this.get(key, AttrType.STRING);
    return a === undefined ? dflt : new TextDecoder().decode(a.s ?? new Uint8Array(0));
  }

  tensor(key: string): TensorProto | undefined {
    const a = this.get(key, AttrType.TENSOR);
    return a === undefined ? undefined : (a.t ?? undefined);
  }

  /** Type of an attribute that is present, for operators that accept several (Constant). */
  typeOf(key: string): number | undefined {
    const a = this.attrs.get(key);
    return a === undefined ? undefined : attrType(a);
  }

  attributeNames(): string[] {
    return [...this.attrs.keys()];
  }
}
