/** The shared plan: resolved steps, and storage slots that never let two live tensors overlap. */
import { describe, expect, it } from 'vitest';
import { createF64Engine } from '../../../src/inference/engines/f64/engine.js';
import type { Graph } from '../../../src/inference/model/graph.js';
import { type Plan, planGraph } from '../../../src/inference/model/plan.js';
import { f64, graph, node, noise, tensor } from './graphs.js';

/** Every value's lifetime [producer, last reader] (the graph output lives to the end) against every other's. */
function checkSlots(plan: Plan): void {
  const end = plan.values.map((_, v) => (v === plan.output ? Infinity : -1));
  plan.steps.forEach((s, i) => s.inputs.forEach((v) => (end[v] = Math.max(end[v]!, i))));
  const live = plan.values.map((v, i) => [v.producer, Math.max(end[i]!, v.producer)] as const);
  for (let a = 0; a < live.length; a++) {
    expect(plan.slotSizes[plan.values[a]!.slot]!).toBeGreaterThanOrEqual(plan.values[a]!.size);
    for (let b = a + 1; b < live.length; b++) {
      // a step's output is live from the step on, and its inputs up to and including it
      const overlap = live[a]![0] <= live[b]![1] && live[b]![0] <= live[a]![1];
      if (overlap) expect(plan.values[a]!.slot, `${plan.values[a]!.name} / ${plan.values[b]!.name}`).not.toBe(plan.values[b]!.slot);
    }
  }
}

const residual: Graph = graph(
  ['x', [1, 2, 4, 4]],
  [
    node('c1', 'Conv', ['x', 'W1'], { pads: [1, 1, 1, 1] }),
    node('r1', 'Relu', ['c1']),
    node('c2', 'Conv', ['r1', 'W2'], { pads: [1, 1, 1, 1] }),
    node('add', 'Add', ['c2', 'x']),
    node('r2', 'Relu', ['add']),
    node('side', 'Sigmoid', ['x']),
    node('cat', 'Concat', ['r2', 'side']),
    node('gap', 'GlobalAveragePool', ['cat']),
    node('flat', 'Reshape', ['gap'], { shape: [1, -1] }),
    node('fc', 'MatMul', ['flat', 'M']),
  ],
  [tensor('W1', [2, 2, 3, 3], noise(1)), tensor('W2', [2, 2, 3, 3], noise(2)), tensor('M', [4, 3], noise(3))],
);

describe('planGraph', () => {
  it('resolves steps, buffers and shapes', () => {
    const p = planGraph(residual);
    expect(p.values.map((v) => v.name)).toEqual(['x', 'c1', 'r1', 'c2', 'add', 'r2', 'side', 'cat', 'gap', 'flat', 'fc']);
    expect(p.input).toBe(0);
    expect(p.output).toBe(10);
    expect(p.steps.map((s) => s.kind)).toEqual(['Conv', 'Relu', 'Conv', 'Add', 'Relu', 'Sigmoid', 'Concat', 'GlobalAveragePool', 'Reshape', 'Dense']);
    const add = p.steps[3]!;
    expect(add.kind === 'Add' && add.mode).toBe('tensor');
    expect(add.inputs).toEqual([3, 0]);
    const cat = p.steps[6]!;
    expect(cat.kind === 'Concat' && cat.sizes).toEqual([32, 32]);
    const fc = p.steps[9]!;
    if (fc.kind !== 'Dense') throw new Error('Dense expected');
    // MatMul's [in, out] weight is planned as [out][in]
    expect(fc.weight[1 * 4 + 2]).toBe(residual.initializers.get('M')!.data[2 * 3 + 1]);
    expect(p.values[7]!.shape).toEqual([1, 4, 4, 4]);
    checkSlots(p);
    // x lives until "side" reads it, so sharing is partial but real
    expect(p.slotSizes.length).toBeLessThan(p.values.length);
  });
  it('a long chain needs two slots', () => {
    const nodes = [node('n0', 'Relu', ['x'])];
    for (let i = 1; i < 20; i++) nodes.push(node(`n${i}`, i % 2 ? 'Tanh' : 'Relu', [`n${i - 1}`]));
    const p = planGraph(graph(['x', [1, 5]], nodes));
    expect(p.slotSizes).toEqual([5, 5]);
    checkSlots(p);
  });
  it('slots stay disjoint and results stay right on random DAGs', () => {
    const r = noise(99);
    for (let t = 0; t < 40; t++) {
      const nodes = [];
      const names = ['x'];
      for (let i = 0; i < 12; i++) {
        const a = names[Math.floor(((r(0) + 1) / 2) * names.length)]!;
        const b = names[Math.floor(((r(0) + 1) / 2) * names.length)]!;
        const kind = Math.floor(((r(0) + 1) / 2) * 3);
        nodes.push(kind === 0 ? node(`v${i}`, 'Add', [a, b]) : kind === 1 ? node(`v${i}`, 'Mul', [a, b]) : node(`v${i}`, 'Tanh', [a]));
        names.push(`v${i}`);
      }
      const g = graph(['x', [1, 3]], nodes);
      checkSlots(planGraph(g));
      // an evaluator with one buffer per value, for comparison
      const vals = new Map<string, number[]>([['x', [0.3, -0.7, 0.9]]]);
      for (const n of nodes) {
        const a = vals.get(n.inputs[0]!)!;
        const b = vals.get(n.inputs[1] ?? n.inputs[0]!)!;
        vals.set(n.name, a.map((v, i) => (n.op === 'Add' ? v + b[i]! : n.op === 'Mul' ? v * b[i]! : Math.tanh(v))));
      }
      const trace = createF64Engine(g).trace(f64([0.3, -0.7, 0.9]));
      for (const n of nodes) expect(Array.from(trace.get(n.name)!)).toEqual(vals.get(n.name));
    }
  });
});
