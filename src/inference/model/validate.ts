/**
 * Graph validation: everything an engine may assume about a graph, checked once. A graph that passes has a single
 * input of batch 1, exactly one output, uniquely named nodes in an order where every input is defined before use,
 * supported operators with attributes of the right type and range, finite initializers whose shapes fit their
 * operators, and no tensor (nor all activations together) larger than the memory limits of shapes.ts.
 *
 * The checks do not trust the static types: graphs read from JSON arrive here with whatever the file held.
 */

import { ModelError, type NodeRef } from './errors.js';
import type { Graph, GraphNode, OpType, Tensor } from './graph.js';
import {
  MAX_ELEMENTS,
  MAX_RANK,
  MAX_TOTAL_ELEMENTS,
  MAX_WINDOW,
  checkShape,
  formatShape,
  inferNodeShape,
} from './shapes.js';

export { ModelError } from './errors.js';

/** Every operator the graph may contain, in the order graph.ts lists them. */
export const OP_TYPES: readonly OpType[] = [
  'Gemm', 'MatMul', 'Conv', 'MaxPool', 'AveragePool', 'GlobalAveragePool', 'Relu', 'Clip', 'LeakyRelu', 'Sigmoid',
  'Tanh', 'Gelu', 'Softmax', 'Add', 'Mul', 'Concat', 'Flatten', 'Reshape', 'BatchNormalization',
];

const MAX_CONCAT_INPUTS = 4096;

type AttrKind = 'strides' | 'pads' | 'dilations' | 'kernel' | 'group' | 'countIncludePad' | 'float' | 'epsilon' | 'axis' | 'shape';

// A Map, not an object literal: keys come from files, and "__proto__" or "toString" must not find anything.
const ATTR_KIND = new Map<string, AttrKind>([
  ['strides', 'strides'], ['pads', 'pads'], ['dilations', 'dilations'], ['kernel', 'kernel'], ['group', 'group'],
  ['countIncludePad', 'countIncludePad'], ['min', 'float'], ['max', 'float'], ['alpha', 'float'],
  ['epsilon', 'epsilon'], ['axis', 'axis'], ['shape', 'shape'],
]);

/** Kind of each operator input: `v` a computed tensor, `c` an initializer, `x` either. */
type InputKind = 'v' | 'c' | 'x';

interface OpSignature {
  readonly attrs: readonly string[];
  readonly required?: readonly string[];
  readonly inputs: readonly InputKind[];
  /** How many trailing inputs may be left out. */
  readonly optional?: number;
  /** The (single) input kind repeats: one or more inputs. */
  readonly variadic?: boolean;
}

const SIGNATURES: Record<OpType, OpSignature> = {
  Gemm: { attrs: [], inputs: ['v', 'c', 'c'], optional: 1 },
  MatMul: { attrs: [], inputs: ['v', 'c', 'c'], optional: 1 },
  Conv: { attrs: ['strides', 'pads', 'dilations', 'group', 'kernel'], inputs: ['v', 'c', 'c'], optional: 1 },
  MaxPool: { attrs: ['kernel', 'strides', 'pads'], required: ['kernel'], inputs: ['v'] },
  AveragePool: { attrs: ['kernel', 'strides', 'pads', 'countIncludePad'], required: ['kernel'], inputs: ['v'] },
  GlobalAveragePool: { attrs: [], inputs: ['v'] },
  Relu: { attrs: [], inputs: ['v'] },
  Clip: { attrs: ['min', 'max'], inputs: ['v'] },
  LeakyRelu: { attrs: ['alpha'], inputs: ['v'] },
  Sigmoid: { attrs: [], inputs: ['v'] },
  Tanh: { attrs: [], inputs: ['v'] },
  Gelu: { attrs: [], inputs: ['v'] },
  Softmax: { attrs: ['axis'], inputs: ['v'] },
  Add: { attrs: [], inputs: ['x', 'x'] },
  Mul: { attrs: [], inputs: ['x', 'x'] },
  Concat: { attrs: ['axis'], inputs: ['v'], variadic: true },
  Flatten: { attrs: ['axis'], inputs: ['v'] },
  Reshape: { attrs: ['shape'], required: ['shape'], inputs: ['v'] },
  BatchNormalization: { attrs: ['epsilon'], inputs: ['v', 'c', 'c', 'c', 'c'] },
};

function isOpType(op: unknown): op is OpType {
  return typeof op === 'string' && Object.prototype.hasOwnProperty.call(SIGNATURES, op);
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

function checkIntArray(node: NodeRef, key: string, v: unknown, length: number, lo: number, hi: number): void {
  if (!Array.isArray(v) || v.length !== length) {
    throw new ModelError(`attribute ${key} must be an array of ${length} integers, got ${JSON.stringify(v)}`, node);
  }
  for (const e of v) {
    if (!isInt(e) || e < lo || e > hi) {
      throw new ModelError(`attribute ${key} ${JSON.stringify(v)}: each value must be an integer in ${lo} … ${hi}`, node);
    }
  }
}

function checkAttribute(node: NodeRef, key: string, v: unknown): void {
  switch (ATTR_KIND.get(key)) {
    case 'strides':
    case 'dilations':
      return checkIntArray(node, key, v, 2, 1, MAX_WINDOW);
    case 'kernel':
      return checkIntArray(node, key, v, 2, 1, MAX_WINDOW);
    case 'pads':
      return checkIntArray(node, key, v, 4, 0, MAX_WINDOW);
    case 'group':
      if (!isInt(v) || v < 1 || v > MAX_ELEMENTS) {
        throw new ModelError(`attribute group must be a positive integer, got ${JSON.stringify(v)}`, node);
      }
      return;
    case 'countIncludePad':
      if (typeof v !== 'boolean') {
        throw new ModelError(`attribute countIncludePad must be true or false, got ${JSON.stringify(v)}`, node);
      }
      return;
    case 'float':
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new ModelError(`attribute ${key} must be a finite number, got ${String(v)}`, node);
      }
      return;
    case 'epsilon':
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new ModelError(`attribute epsilon must be a finite number >= 0, got ${String(v)}`, node);
      }
      return;
    case 'axis':
      if (!isInt(v) || v < -MAX_RANK || v > MAX_RANK) {
        throw new ModelError(`attribute axis must be an integer in ${-MAX_RANK} … ${MAX_RANK}, got ${JSON.stringify(v)}`, node);
      }
      return;
    case 'shape':
      if (!Array.isArray(v) || v.length < 1 || v.length > MAX_RANK) {
        throw new ModelError(`attribute shape must be an array of 1 … ${MAX_RANK} integers, got ${JSON.stringify(v)}`, node);
      }
      for (const e of v) {
        if (!isInt(e) || e < -1 || e > MAX_ELEMENTS) {
          throw new ModelError(
            `attribute shape ${JSON.stringify(v)}: each value must be -1 (infer), 0 (copy) or a positive integer`,
            node,
          );
        }
      }
      return;
    case undefined:
      throw new ModelError(`unknown attribute ${key}`, node);
  }
}

function checkAttributes(node: GraphNode, sig: OpSignature): void {
  const attrs: unknown = node.attrs;
  if (attrs === null || typeof attrs !== 'object' || Array.isArray(attrs)) {
    throw new ModelError('attrs must be an object', node);
  }
  for (const [key, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    if (!sig.attrs.includes(key)) {
      if (!ATTR_KIND.has(key)) throw new ModelError(`unknown attribute ${key}`, node);
      throw new ModelError(`attribute ${key} does not apply to ${node.op}`, node);
    }
    checkAttribute(node, key, v);
  }
  for (const key of sig.required ?? []) {
    if ((attrs as Record<string, unknown>)[key] === undefined) throw new ModelError(`attribute ${key} is required`, node);
  }
  const { min, max } = node.attrs;
  if (min !== undefined && max !== undefined && min > max) {
    throw new ModelError(`attribute min ${min} is greater than max ${max}`, node);
  }
}

function checkName(v: unknown, what: string, node?: NodeRef): asserts v is string {
  if (typeof v !== 'string' || v.length === 0) {
    throw new ModelError(`${what} must be a non-empty string, got ${JSON.stringify(v)}`, node);
  }
}

/** Shape, length and finiteness of one initializer. */
export function checkTensor(t: Tensor, key: string): void {
  if (t === null || typeof t !== 'object') throw new ModelError(`initializer "${key}" is not a tensor`);
  if (t.name !== key) throw new ModelError(`initializer stored under "${key}" is named "${String(t.name)}"`);
  const count = checkShape(t.shape, `initializer "${key}"`);
  if (!(t.data instanceof Float64Array)) throw new ModelError(`initializer "${key}" data must be a Float64Array`);
  if (t.data.length !== count) {
    throw new ModelError(
      `initializer "${key}" has shape ${formatShape(t.shape)} (${count} elements) but ${t.data.length} values`,
    );
  }
  const d = t.data;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i]!)) throw new ModelError(`initializer "${key}" element ${i} is ${d[i]}`);
  }
}

/** Value shapes by name (graph input and every node output), as `validateGraph` inferred them. */
export type ShapeMap = ReadonlyMap<string, readonly number[]>;

/**
 * Check `graph` completely and return the shape of every value tensor (graph input and node outputs). Throws a
 * ModelError naming the node (name and operator) or graph part at fault.
 */
export function validateGraph(graph: Graph): ShapeMap {
  if (graph === null || typeof graph !== 'object') throw new ModelError('graph is not an object');
  if (typeof graph.name !== 'string') throw new ModelError('graph name must be a string');
  if (!(graph.initializers instanceof Map)) throw new ModelError('graph initializers must be a Map');
  if (!Array.isArray(graph.inputs) || graph.inputs.length !== 1) {
    throw new ModelError(`the graph must have exactly one input, got ${Array.isArray(graph.inputs) ? graph.inputs.length : 'none'}`);
  }
  if (!Array.isArray(graph.outputs) || graph.outputs.length !== 1) {
    throw new ModelError(`the graph must have exactly one output, got ${Array.isArray(graph.outputs) ? graph.outputs.length : 'none'}`);
  }
  if (!Array.isArray(graph.nodes) || graph.nodes.length === 0) throw new ModelError('the graph has no nodes');

  for (const [key, t] of graph.initializers) checkTensor(t, key);

  const input = graph.inputs[0]!;
  checkName(input.name, 'graph input name');
  if (graph.initializers.has(input.name)) {
    throw new ModelError(`graph input "${input.name}" has the same name as an initializer`);
  }
  let total = checkShape(input.shape, `graph input "${input.name}"`);
  if (input.shape[0] !== 1) {
    throw new ModelError(`graph input "${input.name}" has shape ${formatShape(input.shape)}: the batch dimension must be 1`);
  }

  const shapes = new Map<string, readonly number[]>([[input.name, [...input.shape]]]);
  const nodeNames = new Set<string>();
  const ctx = {
    valueShape: (name: string) => shapes.get(name),
    constant: (name: string) => graph.initializers.get(name),
  };

  for (let n = 0; n < graph.nodes.length; n++) {
    const node = graph.nodes[n]!;
    if (node === null || typeof node !== 'object') throw new ModelError(`node ${n} is not an object`);
    const ref: NodeRef = { name: String(node.name), op: String(node.op) };
    checkName(node.name, `node ${n} name`);
    if (nodeNames.has(node.name)) throw new ModelError('another node has the same name', ref);
    nodeNames.add(node.name);
    const op: unknown = node.op;
    if (!isOpType(op)) throw new ModelError(`unknown operator "${String(op)}"`, ref);
    const sig = SIGNATURES[op];
    checkAttributes(node, sig);

    if (!Array.isArray(node.inputs)) throw new ModelError('inputs must be an array', ref);
    const max = sig.variadic === true ? MAX_CONCAT_INPUTS : sig.inputs.length;
    const min = sig.inputs.length - (sig.optional ?? 0);
    if (node.inputs.length < min || node.inputs.length > max) {
      const want = min === max ? `${min}` : sig.variadic === true ? `${min} to ${max}` : `${min} or ${max}`;
      throw new ModelError(`expects ${want} inputs, got ${node.inputs.length}`, ref);
    }
    let values = 0;
    for (let i = 0; i < node.inputs.length; i++) {
      const name: unknown = node.inputs[i];
      checkName(name, `input ${i}`, ref);
      const kind = sig.inputs[Math.min(i, sig.inputs.length - 1)];
      const isValue = shapes.has(name);
      const isConst = graph.initializers.has(name);
      if (!isValue && !isConst) {
        throw new ModelError(`input ${i} "${name}" is not defined before this node (no earlier output, graph input or initializer)`, ref);
      }
      if (kind === 'v' && !isValue) {
        throw new ModelError(`input ${i} "${name}" is an initializer, but this input must be a computed tensor`, ref);
      }
      if (kind === 'c' && !isConst) {
        throw new ModelError(`input ${i} "${name}" must be an initializer (constant), but it is a computed tensor`, ref);
      }
      if (isValue) values++;
    }
    if (values === 0) throw new ModelError('at least one input must be a computed tensor, not an initializer', ref);

    if (!Array.isArray(node.outputs) || node.outputs.length !== 1) {
      throw new ModelError(`must have exactly one output, got ${Array.isArray(node.outputs) ? node.outputs.length : 'none'}`, ref);
    }
    const out: unknown = node.outputs[0];
    checkName(out, 'output', ref);
    if (shapes.has(out) || graph.initializers.has(out)) {
      throw new ModelError(`output "${out}" is already defined (tensor names must be unique)`, ref);
    }

    const shape = inferNodeShape(node, ctx);
    const count = checkShape(shape, `output "${out}"`, ref);
    if (shape[0] !== 1) {
      throw new ModelError(`output "${out}" has shape ${formatShape(shape)}: the batch dimension must stay 1`, ref);
    }
    total += count;
    if (total > MAX_TOTAL_ELEMENTS) {
      throw new ModelError(
        `output "${out}" brings the activations of the graph above 2^29 (${MAX_TOTAL_ELEMENTS}) elements, which exceeds the memory limit`,
        ref,
      );
    }
    shapes.set(out, shape);
  }

  const output = graph.outputs[0]!;
  checkName(output.name, 'graph output name');
  const produced = graph.nodes.some((node) => node.outputs[0] === output.name);
  if (!produced) throw new ModelError(`graph output "${output.name}" is not produced by any node`);
  const inferred = shapes.get(output.name)!;
  if (!Array.isArray(output.shape)) throw new ModelError(`graph output "${output.name}" has no shape array`);
  if (output.shape.length > 0 && formatShape(output.shape) !== formatShape(inferred)) {
    throw new ModelError(
      `graph output "${output.name}" is declared ${formatShape(output.shape)} but computes to ${formatShape(inferred)}`,
    );
  }
  return shapes;
}
