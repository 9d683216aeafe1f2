/**
 * Fold every BatchNormalization into the Conv, Gemm or MatMul that produces its input, so no engine ever sees one.
 *
 * With s[c] = scale[c] / sqrt(var[c] + epsilon), BN(y) = s·y + (bias − s·mean), and y = W·x + b gives
 * W'[c, …] = s[c]·W[c, …] and b'[c] = (b[c] − mean[c])·s[c] + bias[c] (b = 0 when the layer had no bias).
 * The channel c is the output channel: Conv weight row (dimension 0), Gemm weight row, MatMul weight column.
 *
 * The folded layer takes over the BatchNormalization's output name (later nodes are untouched) and keeps its own node
 * name, so a trace of the folded graph shows the normalized values under the layer's name. Folded weights get new
 * initializer names (the originals may be shared with other nodes); initializers nothing refers to any more are
 * dropped.
 */

import { ModelError } from './errors.js';
import type { Graph, GraphNode, Tensor } from './graph.js';
import { validateGraph } from './validate.js';

function freshName(taken: ReadonlyMap<string, unknown>, base: string): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}

/** A graph equal in function to `graph` without BatchNormalization nodes. Validates `graph` first and the result after. */
export function foldBatchNorm(graph: Graph): Graph {
  const shapes = validateGraph(graph);
  if (!graph.nodes.some((n) => n.op === 'BatchNormalization')) {
    return { ...graph, initializers: new Map(graph.initializers), nodes: [...graph.nodes] };
  }
  const inits = new Map<string, Tensor>(graph.initializers);
  const nodes: (GraphNode | null)[] = [...graph.nodes];
  const producer = new Map<string, number>();
  nodes.forEach((n, i) => producer.set(n!.outputs[0]!, i));
  const graphOutput = graph.outputs[0]!.name;

  for (let i = 0; i < nodes.length; i++) {
    const bn = nodes[i]!;
    if (bn.op !== 'BatchNormalization') continue;
    const x = bn.inputs[0]!;
    const p = producer.get(x);
    const layer = p === undefined ? undefined : nodes[p]!;
    if (layer === undefined || (layer.op !== 'Conv' && layer.op !== 'Gemm' && layer.op !== 'MatMul')) {
      const from = layer === undefined ? 'the graph input' : `node "${layer.name}" (${layer.op})`;
      throw new ModelError(`cannot fold: the input "${x}" comes from ${from}, not from a Conv, Gemm or MatMul`, bn);
    }
    const yShape = shapes.get(x)!;
    if (layer.op === 'MatMul' && yShape.length !== 2) {
      throw new ModelError(
        `cannot fold: the MatMul "${layer.name}" output has rank ${yShape.length}; only a rank-2 output has its features on axis 1`,
        bn,
      );
    }
    const otherUse = nodes.some((n, j) => n !== null && j !== i && n.inputs.includes(x));
    if (otherUse || x === graphOutput) {
      throw new ModelError(
        `cannot fold: "${x}" from node "${layer.name}" (${layer.op}) is also used elsewhere, so the layer cannot be rescaled`,
        bn,
      );
    }

    const eps = bn.attrs.epsilon ?? 1e-5;
    const [gamma, beta, mean, variance] = [1, 2, 3, 4].map((k) => inits.get(bn.inputs[k]!)!.data) as [
      Float64Array, Float64Array, Float64Array, Float64Array,
    ];
    const channels = gamma.length;
    const s = new Float64Array(channels);
    for (let c = 0; c < channels; c++) s[c] = gamma[c]! / Math.sqrt(variance[c]! + eps);

    const w = inits.get(layer.inputs[1]!)!;
    const wData = new Float64Array(w.data.length);
    if (layer.op === 'MatMul') {
      // [in, out]: the channel is the column.
      for (let k = 0; k < wData.length; k++) wData[k] = w.data[k]! * s[k % channels]!;
    } else {
      // [out, …]: the channel is the row.
      const per = wData.length / channels;
      for (let k = 0; k < wData.length; k++) wData[k] = w.data[k]! * s[Math.floor(k / per)]!;
    }
    const oldBias = layer.inputs.length > 2 ? inits.get(layer.inputs[2]!)!.data : null;
    const bData = new Float64Array(channels);
    for (let c = 0; c < channels; c++) bData[c] = ((oldBias === null ? 0 : oldBias[c]!) - mean[c]!) * s[c]! + beta[c]!;

    const wName = freshName(inits, `${layer.name}.weight_bn`);
    inits.set(wName, { name: wName, shape: [...w.shape], data: wData });
    const bName = freshName(inits, `${layer.name}.bias_bn`);
    inits.set(bName, { name: bName, shape: [channels], data: bData });

    nodes[p!] = { ...layer, inputs: [layer.inputs[0]!, wName, bName], outputs: [bn.outputs[0]!] };
    producer.set(bn.outputs[0]!, p!);
    producer.delete(x);
    nodes[i] = null;

    // Drop what only the old layer and the BatchNormalization used.
    for (const name of [...layer.inputs.slice(1), ...bn.inputs.slice(1)]) {
      if (!nodes.some((n) => n !== null && n.inputs.includes(name))) inits.delete(name);
    }
  }

  const folded: Graph = {
    name: graph.name,
    inputs: graph.inputs,
    outputs: graph.outputs,
    initializers: inits,
    nodes: nodes.filter((n): n is GraphNode => n !== null),
  };
  validateGraph(folded);
  return folded;
}
