/**
 * A clean-up on the converted graph, before validation: a BatchNormalization that `foldBatchNorm` could not fold
 * (one not directly after a Conv, Gemm or rank-2 MatMul that feeds only it) becomes a per-channel Mul and Add,
 * y = x·s + t with s = scale/√(var + ε), t = B − mean·s, so that every engine can run the graph. Foldable ones
 * stay as they are.
 */

import type { GraphNode } from '../model/graph.js';
import type { GraphBuilder } from './builder.js';

function consumers(nodes: readonly GraphNode[], value: string): GraphNode[] {
  return nodes.filter((n) => n.inputs.includes(value));
}

/** Rewrite the BatchNormalizations foldBatchNorm would refuse into Mul and Add. Returns the new node list. */
export function unfoldableBatchNorms(b: GraphBuilder, nodes: readonly GraphNode[], graphOutput: string): GraphNode[] {
  const result: GraphNode[] = [];
  /** Value → the layer whose output it is, after folding (a folded BatchNormalization passes its layer on). */
  const layer = new Map<string, GraphNode>();
  for (const node of nodes) {
    const out = node.outputs[0]!;
    if (node.op === 'Conv' || node.op === 'Gemm' || (node.op === 'MatMul' && b.shapeOf(out)?.length === 2)) {
      layer.set(out, node);
    }
    if (node.op !== 'BatchNormalization') {
      result.push(node);
      continue;
    }
    const x = node.inputs[0]!;
    if (layer.has(x) && x !== graphOutput && consumers(nodes, x).length === 1) {
      layer.set(out, layer.get(x)!);
      result.push(node);
      continue;
    }
    const shape = b.shapeOf(x)!;
    const channels = shape[1]!;
    const [scale, bias, mean, variance] = node.inputs.slice(1).map((name) => b.initializers.get(name)!.data) as [
      Float64Array, Float64Array, Float64Array, Float64Array,
    ];
    const eps = node.attrs.epsilon ?? 1e-5;
    const s = new Float64Array(channels);
    const t = new Float64Array(channels);
    for (let c = 0; c < channels; c++) {
      s[c] = scale[c]! / Math.sqrt(variance[c]! + eps);
      t[c] = bias[c]! - mean[c]! * s[c]!;
    }
    // [C, 1, …, 1]: one value per channel of axis 1 under numpy broadcasting.
    const dims = [channels, ...new Array<number>(shape.length - 2).fill(1)];
    const sName = b.freshValue(`${node.name}.scale`);
    const tName = b.freshValue(`${node.name}.shift`);
    b.initializers.set(sName, { name: sName, shape: dims, data: s });
    b.initializers.set(tName, { name: tName, shape: [...dims], data: t });
    const mid = b.freshValue(`${node.name}:scaled`);
    result.push({ name: b.freshNode(`${node.name}/scale`), op: 'Mul', inputs: [x, sName], outputs: [mid], attrs: {} });
    result.push({ name: node.name, op: 'Add', inputs: [mid, tName], outputs: [out], attrs: {} });
  }
  return result;
}
