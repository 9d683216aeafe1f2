/**
 * importOnnx: an ONNX model (protobuf bytes) → the fpuless graph (graph.ts), validated, or a ModelError and nothing.
 *
 * Steps: decode the protobuf; read the default-domain opset (7 … 20); find the single graph input (initializers
 * listed as inputs are constants) and output; keep only the nodes the output depends on; fuse the exact-GELU Erf
 * pattern; list every unsupported operator at once; convert node by node (ops.ts), folding constants; fold constant
 * Adds into bias-less dense layers and rewrite unfoldable BatchNormalizations (passes.ts); name the output as in the
 * file; validate. spec/onnx.md describes all of it.
 */

import { readFileSync } from 'node:fs';
import { ModelError } from '../model/errors.js';
import type { Graph, ValueInfo } from '../model/graph.js';
import { checkShape, formatShape } from '../model/shapes.js';
import { validateGraph } from '../model/validate.js';
import { GraphBuilder } from './builder.js';
import { type GeluMatch, findGelus } from './gelu.js';
import { OnnxNode } from './node.js';
import { CONVERTERS, type ConvertContext, constantValue } from './ops.js';
import { unfoldableBatchNorms } from './passes.js';
import { type ModelProto, type TensorProto, type ValueInfoProto, dataTypeName, decodeModel, int64 } from './proto.js';
import { decodeTensor } from './tensor.js';

export interface OnnxImportOptions {
  /** Graph name; default: the ONNX graph's name, or "onnx" when it has none. */
  readonly name?: string;
  /**
   * Shape of one sample including the batch dimension 1 (e.g. [1, 3, 224, 224]), for an input whose non-batch
   * dimensions are symbolic in the file. It must agree with every dimension the file fixes.
   */
  readonly inputShape?: readonly number[];
  /** Receives one line for each notable normalization (dynamic batch set to 1, GELU fused, ...). */
  readonly onNote?: (note: string) => void;
}

/** Lowest and highest version of the default ONNX operator set the importer reads. */
export const MIN_OPSET = 7;
export const MAX_OPSET = 20;

/** Operators of the default domain the importer converts (Erf only inside the GELU pattern). */
export const SUPPORTED_OPERATORS: readonly string[] = [...CONVERTERS.keys()];

const FLOAT_INPUT_TYPES = new Set([1, 10, 11, 16]);

function defaultOpset(model: ModelProto): number {
  const versions = (model.opsetImport ?? [])
    .filter((o) => (o.domain ?? '') === '' || o.domain === 'ai.onnx')
    .map((o) => int64(o.version));
  if (versions.length === 0) {
    throw new ModelError('onnx: the model imports no version of the default ONNX operator set (opset_import is empty)');
  }
  const v = Math.max(...versions);
  if (v < MIN_OPSET || v > MAX_OPSET) {
    throw new ModelError(`onnx: opset ${v} is not supported (supported: ${MIN_OPSET} … ${MAX_OPSET})`);
  }
  return v;
}

/** The per-sample shape of the graph input: a dynamic first (batch) dimension becomes 1. */
function inputShape(v: ValueInfoProto, options: OnnxImportOptions, note: (s: string) => void): number[] {
  const name = v.name ?? '';
  const what = `graph input "${name}"`;
  const tensor = v.type?.tensorType;
  if (v.type !== null && v.type !== undefined && (tensor === null || tensor === undefined)) {
    throw new ModelError(`onnx: ${what} is not a tensor (sequences, maps and optionals are not supported)`);
  }
  const elemType = tensor?.elemType ?? 0;
  if (elemType !== 0 && !FLOAT_INPUT_TYPES.has(elemType)) {
    throw new ModelError(
      `onnx: ${what} has element type ${dataTypeName(elemType)}; only floating-point inputs are supported`,
    );
  }
  const dims = tensor?.shape?.dim;
  const given = options.inputShape;
  if (dims === null || dims === undefined) {
    if (given === undefined) throw new ModelError(`onnx: ${what} has no shape in the file; pass options.inputShape`);
    return checkGiven(given, what);
  }
  const shape: (number | undefined)[] = dims.map((d) => {
    const set = d.dimValue !== null && d.dimValue !== undefined;
    return set ? int64(d.dimValue) : undefined;
  });
  const first = shape[0];
  if (shape.length === 0) throw new ModelError(`onnx: ${what} is a scalar; the input must have a batch dimension`);
  if (first !== undefined && first > 1) {
    throw new ModelError(
      `onnx: ${what} has a fixed batch of ${first} (shape ${formatShape(shape.map((d) => d ?? '?'))}); fpuless runs ` +
        'one sample at a time: export with batch 1 or a dynamic batch dimension',
    );
  }
  if (first === undefined || first <= 0) {
    const label = dims[0]!.dimParam ? `"${dims[0]!.dimParam}"` : String(first ?? '?');
    note(`${what}: dynamic batch dimension ${label} set to 1`);
  }
  shape[0] = 1;
  if (given !== undefined) {
    const g = checkGiven(given, what);
    const fixedAt = (d: number | undefined, i: number): boolean => d !== undefined && d > 0 && i > 0;
    const agrees = g.length === shape.length && shape.every((d, i) => !fixedAt(d, i) || d === g[i]);
    if (!agrees) {
      throw new ModelError(
        `onnx: options.inputShape ${formatShape(g)} does not agree with ${what} ` +
          formatShape(shape.map((d) => d ?? '?')),
      );
    }
    return g;
  }
  shape.forEach((d, i) => {
    if (d === undefined || d <= 0) {
      const label = dims[i]!.dimParam ? `"${dims[i]!.dimParam}"` : String(d ?? '?');
      throw new ModelError(`onnx: ${what} dimension ${i} is symbolic (${label}); pass options.inputShape to fix it`);
    }
  });
  const fixed = shape as number[];
  checkShape(fixed, `onnx: ${what}`);
  note(`${what}: per-sample shape ${formatShape(fixed)}`);
  return fixed;
}

function checkGiven(given: readonly number[], what: string): number[] {
  const g = [...given];
  checkShape(g, `onnx: options.inputShape for ${what}`);
  if (g[0] !== 1) {
    throw new ModelError(`onnx: options.inputShape ${formatShape(g)} must start with the batch dimension 1`);
  }
  return g;
}

/** Node names: the file's, except that empty and repeated names become `<op>_<index>`. */
function nodeNames(protos: readonly { name?: string | null; opType?: string | null }[]): string[] {
  const count = new Map<string, number>();
  for (const p of protos) if (p.name) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  const taken = new Set([...count.keys()].filter((k) => count.get(k) === 1));
  return protos.map((p, i) => {
    if (p.name && count.get(p.name) === 1) return p.name;
    let name = `${p.opType || 'node'}_${i}`;
    for (let k = 2; taken.has(name); k++) name = `${p.opType || 'node'}_${i}_${k}`;
    taken.add(name);
    return name;
  });
}

function unsupportedError(nodes: readonly { node: OnnxNode; label: string }[]): ModelError {
  const byOp = new Map<string, string[]>();
  for (const { node, label } of nodes) {
    const list = byOp.get(label) ?? [];
    list.push(node.name);
    byOp.set(label, list);
  }
  const parts = [...byOp].map(([op, names]) => {
    const shown = names.slice(0, 5).map((n) => `"${n}"`).join(', ');
    return `${op} (${shown}${names.length > 5 ? `, … ${names.length - 5} more` : ''})`;
  });
  const erf = byOp.has('Erf') ? ' Erf is imported only as part of the exact GELU pattern x·(1 + erf(x/√2))/2.' : '';
  if (nodes.length === 1) {
    const { node, label } = nodes[0]!;
    return new ModelError(
      `operator ${label} is not supported by fpuless.${erf} Supported: ${SUPPORTED_OPERATORS.join(', ')}.`,
      { name: node.name, op: label },
    );
  }
  return new ModelError(
    `onnx: ${nodes.length} nodes use operators fpuless does not ` +
      `support: ${parts.join('; ')}.${erf} Supported: ${SUPPORTED_OPERATORS.join(', ')}.`,
  );
}

function isDefaultDomain(n: OnnxNode): boolean {
  return n.domain === '' || n.domain === 'ai.onnx';
}

/** Import an ONNX model from its bytes. Throws a ModelError (and returns nothing) for anything it cannot import. */
export function importOnnx(bytes: Uint8Array, options: OnnxImportOptions = {}): Graph {
  const note = (s: string): void => options.onNote?.(s);
  const model = decodeModel(bytes);
  const opset = defaultOpset(model);
  const g = model.graph;
  if (g === null || g === undefined) throw new ModelError('onnx: the model has no graph');

  const initProtos = new Map<string, TensorProto>();
  for (const t of g.initializer ?? []) {
    const name = t.name ?? '';
    if (name === '') throw new ModelError('onnx: an initializer has no name');
    if (initProtos.has(name)) throw new ModelError(`onnx: initializer "${name}" is defined twice`);
    initProtos.set(name, t);
  }
  const sparse = new Set((g.sparseInitializer ?? []).map((s) => s.values?.name ?? s.indices?.name ?? ''));

  const inputs = (g.input ?? []).filter((v) => !initProtos.has(v.name ?? ''));
  if (inputs.length !== 1) {
    const names = inputs.map((v) => `"${v.name}"`).join(', ');
    throw new ModelError(
      inputs.length === 0
        ? 'onnx: the graph has no input (every listed input is an initializer)'
        : `onnx: the graph has ${inputs.length} inputs (${names}); fpuless supports exactly one`,
    );
  }
  const outputs = g.output ?? [];
  if (outputs.length !== 1) {
    const names = outputs.map((v) => `"${v.name}"`).join(', ');
    throw new ModelError(
      outputs.length === 0
        ? 'onnx: the graph has no output'
        : `onnx: the graph has ${outputs.length} outputs (${names}); fpuless supports exactly one`,
    );
  }
  const inputName = inputs[0]!.name ?? '';
  const outputName = outputs[0]!.name ?? '';
  if (inputName === '') throw new ModelError('onnx: the graph input has no name');
  if (outputName === '') throw new ModelError('onnx: the graph output has no name');

  // Nodes, and the ones the output depends on.
  const protos = g.node ?? [];
  const names = nodeNames(protos);
  const all = protos.map((p, i) => new OnnxNode(p, names[i]!, i));
  const producer = new Map<string, OnnxNode>();
  for (const n of all) {
    for (const o of n.outputs) {
      if (o === '') continue;
      if (producer.has(o) || initProtos.has(o) || o === inputName) {
        throw new ModelError(`output "${o}" is already defined (ONNX values are assigned once)`, n);
      }
      producer.set(o, n);
    }
  }
  const live = new Set<OnnxNode>();
  const pending = [outputName];
  while (pending.length > 0) {
    const p = producer.get(pending.pop()!);
    if (p === undefined || live.has(p)) continue;
    live.add(p);
    for (const i of p.inputs) if (i !== '') pending.push(i);
  }
  const nodes = all.filter((n) => live.has(n));
  if (nodes.length < all.length) {
    note(`${all.length - nodes.length} node(s) that do not contribute to the output were dropped`);
  }
  const consumers = new Map<string, OnnxNode[]>();
  for (const n of nodes) {
    for (const i of n.inputs) {
      if (i === '') continue;
      const list = consumers.get(i) ?? [];
      list.push(n);
      consumers.set(i, list);
    }
  }
  const isUsed = (v: string): boolean => v === outputName || consumers.has(v);
  const uses = (v: string): number => (v === outputName ? 1 : 0) + (consumers.get(v)?.length ?? 0);

  // Every ONNX name is reserved, so that names made up during conversion never collide with one.
  const reserved = new Set<string>([inputName, outputName, ...initProtos.keys()]);
  for (const n of all) for (const v of [...n.inputs, ...n.outputs]) if (v !== '') reserved.add(v);
  const b = new GraphBuilder(reserved, names);
  for (const [name, t] of initProtos) b.defineConst(name, () => decodeTensor(t, `onnx: initializer "${name}"`));
  for (const name of sparse) {
    b.defineConst(name, () => {
      throw new ModelError(`onnx: sparse initializer "${name}" is not supported`);
    });
  }

  // Constant nodes have no inputs, so their values can be known from the start; like initializers they are decoded
  // when first used (by the GELU matcher or a converter).
  const constantNodes = new Set(nodes.filter((n) => n.op === 'Constant' && isDefaultDomain(n)));
  for (const n of constantNodes) if (n.outputs[0]) b.defineConst(n.outputs[0], () => constantValue(n));
  const ctx: ConvertContext = {
    b, opset, isUsed, uses, consumers: (v) => consumers.get(v) ?? [], isGraphOutput: (v) => v === outputName,
  };
  const gelus = findGelus(
    {
      producer: (v) => producer.get(v),
      consumers: (v) => consumers.get(v) ?? [],
      isGraphOutput: (v) => v === outputName,
      scalar: (v) => {
        if (!b.isConst(v)) return undefined;
        // A constant that cannot be read is no match here; its error comes with the node that uses it, after the list
        // of unsupported operators.
        let t;
        try {
          t = b.constant(v)!;
        } catch (e) {
          if (e instanceof ModelError) return undefined;
          throw e;
        }
        return t.data.length === 1 ? t.data[0] : undefined;
      },
    },
    nodes,
  );
  const fusedInto = new Map<OnnxNode, GeluMatch>();
  for (const m of gelus) for (const n of m.nodes) fusedInto.set(n, m);
  if (gelus.length > 0) note(`${gelus.length} exact GELU pattern(s) (Div, Erf, Add, Mul, Mul) fused into Gelu`);

  const unsupported: { node: OnnxNode; label: string }[] = [];
  for (const n of nodes) {
    if (fusedInto.has(n)) continue;
    if (!isDefaultDomain(n) || !CONVERTERS.has(n.op)) {
      unsupported.push({ node: n, label: n.qualifiedOp });
    } else if (n.op === 'Gelu' && n.has('approximate') && n.string('approximate', 'none') !== 'none') {
      unsupported.push({ node: n, label: `Gelu (approximate="${n.string('approximate', 'none')}")` });
    }
  }
  if (unsupported.length > 0) throw unsupportedError(unsupported);
  const shape = inputShape(inputs[0]!, options, note);
  b.defineInput(inputName, shape);

  for (const n of nodes) {
    if (constantNodes.has(n)) continue;
    const m = fusedInto.get(n);
    if (m !== undefined) {
      const last = m.nodes[m.nodes.length - 1]!;
      if (n !== last) continue;
      const gelu = new OnnxNode({ opType: 'Gelu', input: [m.x], output: [m.y] }, last.name, last.index);
      CONVERTERS.get('Gelu')!(ctx, gelu);
      continue;
    }
    CONVERTERS.get(n.op)!(ctx, n);
  }

  const out = b.graphValue(outputName);
  if (out === undefined) {
    throw new ModelError(
      b.isConst(outputName)
        ? `onnx: the graph output "${outputName}" is a constant; the graph computes nothing from its input`
        : `onnx: the graph output "${outputName}" is not produced by any node`,
    );
  }
  if (out.name === inputName) throw new ModelError(`onnx: the graph output "${outputName}" is the graph input itself`);
  let graphNodes = unfoldableBatchNorms(b, b.nodes, out.name);
  if (out.name !== outputName) {
    // The output was reached through Identity or Dropout: give the value the file's output name.
    const rename = (v: string): string => (v === out.name ? outputName : v);
    graphNodes = graphNodes.map((n) => ({ ...n, inputs: n.inputs.map(rename), outputs: n.outputs.map(rename) }));
  }
  const used = new Set(graphNodes.flatMap((n) => n.inputs));
  const initializers = new Map([...b.initializers].filter(([name]) => used.has(name)));
  const input: ValueInfo = { name: inputName, shape };
  // QDQ parameters of the values and initializers the graph keeps (the output under its final name).
  const present = new Set([inputName, ...graphNodes.flatMap((n) => n.outputs), ...initializers.keys()]);
  const quantization = new Map(
    [...b.quantization]
      .map(([name, q]) => [name === out.name ? outputName : name, q] as const)
      .filter(([name]) => present.has(name)),
  );
  if (quantization.size > 0) note(`QDQ: quantization parameters of ${quantization.size} tensor(s) kept for the fixed-point engine`);
  const graph: Graph = {
    name: options.name ?? (g.name || 'onnx'),
    inputs: [input],
    outputs: [{ name: outputName, shape: [] }],
    initializers,
    nodes: graphNodes,
    ...(quantization.size > 0 ? { quantization } : {}),
  };
  const shapes = validateGraph(graph);
  const outShape = [...shapes.get(outputName)!];
  checkDeclaredOutput(outputs[0]!, outShape, note);
  return { ...graph, outputs: [{ name: outputName, shape: outShape }] };
}

/** A declared output shape that disagrees with the computed one is worth a note (files are sometimes sloppy here). */
function checkDeclaredOutput(v: ValueInfoProto, computed: readonly number[], note: (s: string) => void): void {
  const dims = v.type?.tensorType?.shape?.dim;
  if (dims === null || dims === undefined) return;
  const declared = dims.map((d) => (d.dimValue !== null && d.dimValue !== undefined ? int64(d.dimValue) : undefined));
  const agrees =
    declared.length === computed.length && declared.every((d, i) => i === 0 || d === undefined || d === computed[i]);
  if (!agrees) {
    const shown = formatShape(declared.map((d) => d ?? '?'));
    note(`graph output "${v.name}" is declared ${shown} but computes to ${formatShape(computed)}`);
  }
}

/** Read and import an ONNX file (file-system errors propagate unchanged, as from `loadModel`). */
export function loadOnnx(path: string, options: OnnxImportOptions = {}): Graph {
  return importOnnx(readFileSync(path), options);
}
