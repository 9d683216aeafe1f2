/**
 * Recognizing the exact GELU that PyTorch (and Hugging Face code) exports as five elementwise nodes, so it becomes
 * one graph `Gelu` instead of an unsupported Erf:
 *
 *     a = x / √2        (Div by √2, or Mul by 1/√2, constant on either side of the Mul)
 *     e = Erf(a)
 *     p = e + 1         (either operand order)
 *   then one of
 *     y = (x · p) · 0.5        torch.nn.GELU / F.gelu
 *     y = x · (p · 0.5)
 *     y = (x · 0.5) · p        x * 0.5 * (1 + erf(x / sqrt(2)))
 *   (every Mul in either operand order).
 *
 * The constants must be single values: √2 and 1/√2 within 1e-6 relative (they are float32 in the file), 1 and 0.5
 * exactly. Every intermediate value must feed only the next node of the pattern and must not be a graph output,
 * since the fused node does not produce it.
 */

import type { OnnxNode } from './node.js';

export interface GeluMatch {
  /** The input x. */
  readonly x: string;
  /** The output y. */
  readonly y: string;
  /** The nodes replaced, in graph order; the last one produces y. */
  readonly nodes: readonly OnnxNode[];
}

export interface GeluContext {
  producer(value: string): OnnxNode | undefined;
  consumers(value: string): readonly OnnxNode[];
  isGraphOutput(value: string): boolean;
  /** The value of a one-element constant, or undefined when `value` is not one. */
  scalar(value: string): number | undefined;
}

function near(v: number | undefined, target: number): boolean {
  return v !== undefined && Math.abs(v - target) <= 1e-6 * target;
}

function isDefault(n: OnnxNode): boolean {
  return n.domain === '' || n.domain === 'ai.onnx';
}

function isBinary(n: OnnxNode | undefined, op: string): n is OnnxNode {
  return n !== undefined && n.op === op && isDefault(n) && n.inputs.length === 2 && n.outputs.length === 1;
}

/** The operand of binary node `n` other than `v` (undefined if `v` is not exactly one of its operands). */
function other(n: OnnxNode, v: string): string | undefined {
  const [a, b] = n.inputs as [string, string];
  if (a === v && b !== v) return b;
  if (b === v && a !== v) return a;
  return undefined;
}

/** If `n` multiplies something by the constant `k` (either side), that something. */
function mulBy(ctx: GeluContext, n: OnnxNode, k: number, exact: boolean): string | undefined {
  const [a, b] = n.inputs as [string, string];
  const va = ctx.scalar(a);
  const vb = ctx.scalar(b);
  const hit = (v: number | undefined): boolean => (exact ? v === k : near(v, k));
  if (hit(vb) && va === undefined) return a;
  if (hit(va) && vb === undefined) return b;
  return undefined;
}

function matchAt(ctx: GeluContext, erf: OnnxNode): GeluMatch | undefined {
  if (erf.inputs.length !== 1 || erf.outputs.length !== 1) return undefined;
  /** The only consumer of `v`, when `v` is an intermediate the fused node may swallow. */
  const sole = (v: string): OnnxNode | undefined => {
    const users = ctx.consumers(v);
    return users.length === 1 && !ctx.isGraphOutput(v) ? users[0] : undefined;
  };
  const a = erf.inputs[0]!;
  if (sole(a) !== erf) return undefined;
  const scale = ctx.producer(a);
  let x: string | undefined;
  if (isBinary(scale, 'Div')) {
    const [num, den] = scale.inputs as [string, string];
    if (near(ctx.scalar(den), Math.SQRT2) && ctx.scalar(num) === undefined) x = num;
  } else if (isBinary(scale, 'Mul')) {
    x = mulBy(ctx, scale, Math.SQRT1_2, false);
  }
  if (x === undefined || scale === undefined) return undefined;

  const add = sole(erf.outputs[0]!);
  if (!isBinary(add, 'Add') || mulBy(ctx, add, 1, true) !== erf.outputs[0]) return undefined;
  const p = add.outputs[0]!;
  const m1 = sole(p);
  if (!isBinary(m1, 'Mul')) return undefined;
  const q = other(m1, p);
  if (q === undefined) return undefined;

  if (q === x || mulBy(ctx, m1, 0.5, true) === p) {
    // (x·p)·0.5 or x·(p·0.5): the second Mul takes m1's output with 0.5, or with x.
    const m2 = sole(m1.outputs[0]!);
    if (!isBinary(m2, 'Mul')) return undefined;
    const rest = other(m2, m1.outputs[0]!);
    if (rest === undefined) return undefined;
    const ok = q === x ? ctx.scalar(rest) === 0.5 : rest === x;
    if (!ok) return undefined;
    return { x, y: m2.outputs[0]!, nodes: [scale, erf, add, m1, m2] };
  }
  // (x·0.5)·p: q is the output of a Mul of x by 0.5 used only here.
  const half = ctx.producer(q);
  if (!isBinary(half, 'Mul') || sole(q) !== m1 || mulBy(ctx, half, 0.5, true) !== x) return undefined;
  const nodes = [scale, erf, add, half, m1].sort((u, v) => u.index - v.index);
  return { x, y: m1.outputs[0]!, nodes };
}

/** Every GELU pattern among `nodes`; the matches do not overlap. */
export function findGelus(ctx: GeluContext, nodes: readonly OnnxNode[]): GeluMatch[] {
  const found: GeluMatch[] = [];
  const used = new Set<OnnxNode>();
  for (const n of nodes) {
    if (n.op !== 'Erf' || !isDefault(n)) continue;
    const m = matchAt(ctx, n);
    if (m === undefined || m.nodes.some((u) => used.has(u))) continue;
    for (const u of m.nodes) used.add(u);
    found.push(m);
  }
  return found;
}
