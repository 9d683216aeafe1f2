/**
 * The graph under construction while ONNX nodes are converted: the emitted graph nodes and initializers, the shape of
 * every value so far (inferred node by node with the rules of shapes.ts, so a converter can look at its input's
 * shape), which ONNX names are computed values, constants or aliases, and fresh names for whatever the conversion adds.
 */

import { ModelError, type NodeRef } from '../model/errors.js';
import type { GraphNode, NodeAttributes, OpType, Tensor, TensorQuantization } from '../model/graph.js';
import { checkShape, formatShape, inferNodeShape } from '../model/shapes.js';
import type { ConstTensor } from './tensor.js';

export interface ValueOperand {
  readonly kind: 'value';
  /** Graph value name. */
  readonly name: string;
  readonly shape: readonly number[];
}

export interface ConstOperand {
  readonly kind: 'const';
  readonly tensor: ConstTensor;
}

export interface NoOperand {
  readonly kind: 'none';
}

export type Operand = ValueOperand | ConstOperand | NoOperand;

/** Where a constant comes from: decoded on first use, so tensors nothing uses are never read. */
export type ConstSource = () => ConstTensor;

export class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly initializers = new Map<string, Tensor>();
  /** QDQ parameters by graph value name or ONNX constant name (qdq.ts). */
  readonly quantization = new Map<string, TensorQuantization>();
  /** Graph value name → shape. */
  private readonly shapes = new Map<string, readonly number[]>();
  /** ONNX value name → graph value name (equal unless the ONNX value is an alias made by Identity or Dropout). */
  private readonly values = new Map<string, string>();
  private readonly constSources = new Map<string, ConstSource>();
  private readonly constCache = new Map<string, ConstTensor>();
  /** ONNX values made by a zero Pad, waiting for the Conv or AveragePool that absorbs them: unpadded value, pads. */
  private readonly padded = new Map<string, { readonly value: ValueOperand; readonly pads: readonly number[] }>();
  /** Graph initializer name of each constant registered as one. */
  private readonly registered = new Map<ConstTensor, string>();
  /** Every name in use or reserved (all ONNX value names are reserved up front). */
  private readonly taken: Set<string>;
  private readonly nodeNames: Set<string>;

  constructor(reservedValues: Iterable<string>, reservedNodes: Iterable<string>) {
    this.taken = new Set(reservedValues);
    this.nodeNames = new Set(reservedNodes);
  }

  /** A value or initializer name not used anywhere, based on `base`. */
  freshValue(base: string): string {
    let name = base;
    for (let i = 2; this.taken.has(name); i++) name = `${base}_${i}`;
    this.taken.add(name);
    return name;
  }

  /** A node name not used by any node, based on `base`. */
  freshNode(base: string): string {
    let name = base;
    for (let i = 2; this.nodeNames.has(name); i++) name = `${base}_${i}`;
    this.nodeNames.add(name);
    return name;
  }

  defineInput(name: string, shape: readonly number[]): void {
    this.values.set(name, name);
    this.shapes.set(name, shape);
  }

  defineConst(onnxName: string, source: ConstSource): void {
    this.constSources.set(onnxName, source);
  }

  defineConstTensor(onnxName: string, t: ConstTensor): void {
    this.constCache.set(onnxName, t);
    this.constSources.set(onnxName, () => t);
  }

  /** Make ONNX name `onnxName` stand for the same thing as `target` (Identity, Dropout). */
  alias(onnxName: string, target: Operand, node: NodeRef): void {
    if (target.kind === 'value') this.values.set(onnxName, target.name);
    else if (target.kind === 'const') this.defineConstTensor(onnxName, target.tensor);
    else throw new ModelError('the input is missing', node);
  }

  /** `onnxName` is `value` zero-padded by `pads` [top, left, bottom, right]; only `paddedValue` may read it. */
  definePadded(onnxName: string, value: ValueOperand, pads: readonly number[]): void {
    this.padded.set(onnxName, { value, pads });
  }

  /** Input `i` as a computed tensor, with the zero padding of a Pad before it, if any (for Conv and AveragePool). */
  paddedValue(
    n: { readonly inputs: readonly string[] } & NodeRef,
    i: number,
    role: string,
  ): { readonly value: ValueOperand; readonly pads: readonly number[] | undefined } {
    const p = this.padded.get(n.inputs[i] ?? '');
    return p === undefined ? { value: this.value(n, i, role), pads: undefined } : p;
  }

  isConst(onnxName: string): boolean {
    return this.constSources.has(onnxName);
  }

  /** The constant named `onnxName` (decoded now if it was not yet). */
  constant(onnxName: string): ConstTensor | undefined {
    const cached = this.constCache.get(onnxName);
    if (cached !== undefined) return cached;
    const source = this.constSources.get(onnxName);
    if (source === undefined) return undefined;
    const t = source();
    this.constCache.set(onnxName, t);
    return t;
  }

  /** Graph value for an ONNX value name, if it is a computed one. */
  graphValue(onnxName: string): ValueOperand | undefined {
    const name = this.values.get(onnxName);
    return name === undefined ? undefined : { kind: 'value', name, shape: this.shapes.get(name)! };
  }

  /** Input `i` of ONNX node `n`. */
  operand(n: { readonly inputs: readonly string[] } & NodeRef, i: number): Operand {
    const onnxName = n.inputs[i];
    if (onnxName === undefined || onnxName === '') return { kind: 'none' };
    if (this.padded.has(onnxName)) {
      throw new ModelError(
        `input ${i} "${onnxName}" comes from a Pad, which is supported only directly before a Conv or an AveragePool`,
        n,
      );
    }
    const v = this.graphValue(onnxName);
    if (v !== undefined) return v;
    const c = this.constant(onnxName);
    if (c !== undefined) return { kind: 'const', tensor: c };
    throw new ModelError(
      `input ${i} "${onnxName}" is not defined: it is not the graph input, an initializer, or the output of an ` +
        'earlier node (a missing initializer?)',
      n,
    );
  }

  /** Input `i`, which must be a computed tensor. */
  value(n: { readonly inputs: readonly string[] } & NodeRef, i: number, role = `input ${i}`): ValueOperand {
    const o = this.operand(n, i);
    if (o.kind === 'value') return o;
    if (o.kind === 'none') throw new ModelError(`${role} is missing`, n);
    throw new ModelError(`${role} "${n.inputs[i]}" is a constant; it must be a computed tensor here`, n);
  }

  /** Input `i`, which must be a constant. */
  const(n: { readonly inputs: readonly string[] } & NodeRef, i: number, role = `input ${i}`): ConstTensor {
    const o = this.operand(n, i);
    if (o.kind === 'const') return o.tensor;
    if (o.kind === 'none') throw new ModelError(`${role} is missing`, n);
    throw new ModelError(
      `${role} "${n.inputs[i]}" is computed by the graph; only a constant (initializer) is supported here`,
      n,
    );
  }

  /**
   * Register constant `t` as a graph initializer and return its name: the ONNX name for a tensor taken unchanged from
   * the file, a fresh name based on `base` for one the conversion made. Every element must be finite and every
   * dimension positive.
   */
  weight(t: ConstTensor, node: NodeRef, base?: string): string {
    const known = this.registered.get(t);
    if (known !== undefined) return known;
    if (t.dims.some((d) => d === 0)) {
      throw new ModelError(`constant "${t.name}" has shape ${formatShape(t.dims)} with no elements`, node);
    }
    if (t.dtype === 'int8' || t.dtype === 'uint8' || t.dtype === 'int16' || t.dtype === 'uint16') {
      throw new ModelError(
        `constant "${t.name}" holds ${t.dtype} codes; quantized weights must go through a DequantizeLinear`,
        node,
      );
    }
    for (let i = 0; i < t.data.length; i++) {
      if (!Number.isFinite(t.data[i]!)) {
        const what = base === undefined ? `weight "${t.name}"` : `weight "${t.name}" after conversion (${base})`;
        throw new ModelError(`${what} element ${i} is ${t.data[i]}; weights must be finite`, node);
      }
    }
    const fromFile = base === undefined && t.name !== '' && !this.initializers.has(t.name) && !this.values.has(t.name);
    const name = fromFile ? t.name : this.freshValue(base ?? (t.name || 'const'));
    this.taken.add(name);
    this.initializers.set(name, { name, shape: [...t.dims], data: t.data });
    this.registered.set(t, name);
    return name;
  }

  /**
   * Append graph node `op` reading `inputs` (graph value and initializer names) and return its output. The node is
   * called `name` (an ONNX node's name, already unique, or made fresh by the caller); the output is `output` (an ONNX
   * value name) or a fresh name based on the node's. Shape rules are applied at once; a violation is reported for
   * `ref`, the ONNX node being converted.
   */
  emit(
    ref: NodeRef,
    op: OpType,
    name: string,
    inputs: readonly string[],
    attrs: NodeAttributes,
    output?: string,
  ): ValueOperand {
    const out = output ?? this.freshValue(`${name}:out`);
    this.taken.add(out);
    this.nodeNames.add(name);
    const node: GraphNode = { name, op, inputs: [...inputs], outputs: [out], attrs };
    let shape: number[];
    try {
      shape = inferNodeShape(node, {
        valueShape: (v) => this.shapes.get(v),
        constant: (c) => this.initializers.get(c),
      });
      checkShape(shape, `output "${out}"`, node);
      if (shape[0] !== 1) {
        throw new ModelError(`output "${out}" has shape ${formatShape(shape)}: the batch dimension must stay 1`, node);
      }
    } catch (e) {
      if (!(e instanceof ModelError)) throw e;
      const prefix = `node "${name}" (${op}): `;
      const message = e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
      const label = ref.op === op ? ref.op : `${ref.op} as ${op}`;
      throw new ModelError(message, { name: ref.name, op: label });
    }
    this.nodes.push(node);
    this.shapes.set(out, shape);
    if (output !== undefined) this.values.set(output, out);
    return { kind: 'value', name: out, shape };
  }

  /**
   * Give the bias-less Gemm or MatMul that produced graph value `value` (read by no node so far) the bias `bias`
   * (shape [N]; `derived` when it is not the file's tensor), its output renamed to the ONNX name `output`. Returns
   * false, changing nothing, when `value` does not come from such a layer.
   */
  fuseBias(value: string, bias: ConstTensor, derived: boolean, node: NodeRef, output: string): boolean {
    const at = this.nodes.findIndex((n) => n.outputs[0] === value);
    const dense = this.nodes[at];
    const isDense = dense !== undefined && (dense.op === 'Gemm' || dense.op === 'MatMul');
    if (!isDense || dense.inputs.length !== 2) return false;
    if (this.nodes.some((n) => n.inputs.includes(value))) return false;
    const name = this.weight(bias, node, derived ? `${dense.name}.bias` : undefined);
    this.nodes[at] = { ...dense, inputs: [...dense.inputs, name], outputs: [output] };
    this.shapes.set(output, this.shapes.get(value)!);
    this.shapes.delete(value);
    this.values.delete(value);
    this.values.set(output, output);
    this.taken.add(output);
    return true;
  }

  shapeOf(graphValue: string): readonly number[] | undefined {
    return this.shapes.get(graphValue);
  }
}
