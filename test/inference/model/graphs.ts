/** Small graph builders shared by the model and engine tests. */

import type { Graph, GraphNode, NodeAttributes, OpType, Tensor } from '../../../src/inference/model/graph.js';

export function tensor(name: string, shape: number[], values: number[] | ((i: number) => number)): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = typeof values === 'function' ? values(i) : values[i]!;
  if (Array.isArray(values) && values.length !== n) throw new Error(`tensor ${name}: ${values.length} values for ${n}`);
  return { name, shape, data };
}

export function node(
  name: string,
  op: OpType,
  inputs: string[],
  attrs: NodeAttributes = {},
  output: string = name,
): GraphNode {
  return { name, op, inputs, outputs: [output], attrs };
}

export function graph(
  input: [string, number[]],
  nodes: GraphNode[],
  inits: Tensor[] = [],
  output: string = nodes[nodes.length - 1]!.outputs[0]!,
): Graph {
  return {
    name: 'test',
    inputs: [{ name: input[0], shape: input[1] }],
    outputs: [{ name: output, shape: [] }],
    initializers: new Map(inits.map((t) => [t.name, t])),
    nodes,
  };
}

/** One node `n` reading the graph input `x` (then the constants), writing `n`. */
export function single(op: OpType, xShape: number[], attrs: NodeAttributes = {}, consts: Tensor[] = []): Graph {
  return graph(['x', xShape], [node('n', op, ['x', ...consts.map((t) => t.name)], attrs)], consts);
}

/** Deterministic pseudo-random values in [-1, 1). */
export function noise(seed: number): (i: number) => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 31 - 1;
  };
}

export function f64(values: number[] | ((i: number) => number), n?: number): Float64Array {
  if (typeof values !== 'function') return Float64Array.from(values);
  const a = new Float64Array(n!);
  for (let i = 0; i < n!; i++) a[i] = values(i);
  return a;
}
