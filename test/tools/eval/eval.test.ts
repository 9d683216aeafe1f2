/**
 * `fpuless eval` on tiny synthetic models: the JSON object and its numbers (checked against engines run here
 * directly), the table, --out-logits files, and the error paths (status 2, one line on stderr, nothing written).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createF64Engine } from '../../../src/inference/engines/f64/index.js';
import { createSoftEngine } from '../../../src/inference/engines/soft/index.js';
import { readNpy, writeNpy } from '../../../src/tools/data/npy.js';
import { type Workspace, evaluate, tinyMlp, workspace } from '../compare/fixtures.js';

let ws: Workspace;
beforeAll(() => {
  ws = workspace(30);
});
afterAll(() => ws.cleanup());

type EngineJson = { accuracy: number | null; agreement: number; maxAbsDiff: number; meanAbsDiff: number; inferencesPerSec: number };

describe('fpuless eval', () => {
  it('prints one JSON object with every requested engine and numbers that match the engines run directly', () => {
    const out = join(ws.dir, 'logits');
    const run = evaluate(
      { model: ws.mlp, inputs: ws.mlpX, labels: ws.mlpY, engines: 'soft-f16-sequential,int8-maxabs-pertensor', outLogits: out, json: true },
      ws.dir,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { samples: number; engines: Record<string, EngineJson> };
    expect(json.samples).toBe(30);
    expect(Object.keys(json.engines)).toEqual(['f64', 'soft-f16-sequential', 'int8-maxabs-pertensor']);
    for (const e of Object.values(json.engines)) {
      expect(Object.keys(e).sort()).toEqual(['accuracy', 'agreement', 'inferencesPerSec', 'maxAbsDiff', 'meanAbsDiff']);
      expect(e.inferencesPerSec).toBeGreaterThan(0);
    }
    expect(json.engines.f64).toMatchObject({ agreement: 1, maxAbsDiff: 0, meanAbsDiff: 0 });

    // The same numbers computed here from the engines themselves.
    const x = readNpy(ws.mlpX).data as Float32Array;
    const y = readNpy(ws.mlpY).data as BigInt64Array;
    const f64 = createF64Engine(tinyMlp());
    const soft = createSoftEngine(tinyMlp(), { format: 'f16', accumulation: 'sequential' });
    let correct = 0;
    let agree = 0;
    let max = 0;
    for (let i = 0; i < 30; i++) {
      const input = Float64Array.from(x.subarray(i * 16, i * 16 + 16));
      const a = f64.run(input);
      const b = soft.run(input);
      const top = (v: Float64Array) => v.indexOf(Math.max(...v));
      if (top(b) === Number(y[i])) correct++;
      if (top(a) === top(b)) agree++;
      for (let k = 0; k < a.length; k++) max = Math.max(max, Math.abs(a[k]! - b[k]!));
    }
    expect(json.engines['soft-f16-sequential']!.accuracy).toBe(correct / 30);
    expect(json.engines['soft-f16-sequential']!.agreement).toBe(agree / 30);
    expect(json.engines['soft-f16-sequential']!.maxAbsDiff).toBe(max);

    expect(readdirSync(out).sort()).toEqual(['f64.npy', 'int8-maxabs-pertensor.npy', 'soft-f16-sequential.npy']);
    const logits = readNpy(join(out, 'soft-f16-sequential.npy'));
    expect(logits.dtype).toBe('float64');
    expect(logits.shape).toEqual([30, 4]);
    const first = soft.run(Float64Array.from(x.subarray(0, 16)));
    expect(Array.from((logits.data as Float64Array).subarray(0, 4))).toEqual(Array.from(first));
  });

  it('runs a PyTorch-exported ONNX model on .npy digits, with the accuracy PyTorch measured', () => {
    const dir = new URL('../../fixtures/onnx/', import.meta.url).pathname;
    const run = evaluate(
      { model: `${dir}mlp.onnx`, inputs: `${dir}inputs.npy`, labels: `${dir}labels.npy`, engines: 'soft-f32-sequential', json: true },
      ws.dir,
    );
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout) as { engines: Record<string, EngineJson> };
    const reference = JSON.parse(readFileSync(`${dir}reference.json`, 'utf8')) as { mlp: { float32FixtureAccuracy: number } };
    expect(json.engines.f64!.accuracy).toBe(reference.mlp.float32FixtureAccuracy);
    expect(json.engines['soft-f32-sequential']!.accuracy).toBe(reference.mlp.float32FixtureAccuracy);
    expect(json.engines['soft-f32-sequential']!.maxAbsDiff).toBeLessThan(1e-4);
  });

  it('prints a table, with accuracy shown as not measured when there are no labels', () => {
    const run = evaluate({ model: ws.cnn, inputs: ws.cnnX, engines: 'soft-bf16-exact' }, ws.dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/no labels: accuracy not measured/);
    expect(run.stdout).toMatch(/^f64 +— +100\.00%/m);
    expect(run.stdout).toMatch(/^soft-bf16-exact +— +\d+\.\d\d%/m);
  });

  const bad = (name: string, options: () => Parameters<typeof evaluate>[0], message: RegExp) =>
    it(`refuses ${name} with one clear error and writes nothing`, () => {
      const out = join(ws.dir, `bad-${name.replace(/\W+/g, '-')}`);
      const run = evaluate({ ...options(), outLogits: out }, ws.dir);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });

  bad('a missing --inputs', () => ({ model: ws.mlp }), /^fpuless eval: --inputs is required/);
  bad('a missing model file', () => ({ model: join(ws.dir, 'nope.onnx'), inputs: ws.mlpX }), /--model .*nope\.onnx: no such file/);
  bad('an unknown model type', () => ({ model: ws.mlpX, inputs: ws.mlpX }), /unknown model type "\.npy"/);
  bad('an unknown engine', () => ({ model: ws.mlp, inputs: ws.mlpX, engines: 'soft-f64' }), /unknown engine "soft-f64"/);
  bad('inputs of the wrong shape', () => ({ model: ws.cnn, inputs: ws.mlpX }), /shape \[30, 16\] does not match the model input/);
  bad('labels out of range', () => {
    const y = join(ws.dir, 'bad-labels.npy');
    writeNpy(y, { dtype: 'int32', shape: [30], data: Int32Array.from({ length: 30 }, (_, i) => (i === 7 ? 9 : 0)) });
    return { model: ws.mlp, inputs: ws.mlpX, labels: y };
  }, /label 7 is 9, outside 0 … 3/);
  bad('a .npy in Fortran order', () => {
    const x = join(ws.dir, 'fortran.npy');
    const header = "{'descr': '<f4', 'fortran_order': True, 'shape': (30, 16), }";
    const pad = 64 - ((10 + header.length + 1) % 64);
    const h = header + ' '.repeat(pad) + '\n';
    const buf = Buffer.alloc(10 + h.length + 30 * 16 * 4);
    buf.write('\x93NUMPY', 0, 'latin1');
    buf[6] = 1;
    buf.writeUInt16LE(h.length, 8);
    buf.write(h, 10, 'latin1');
    writeFileSync(x, buf);
    return { model: ws.mlp, inputs: x };
  }, /fortran/i);
  bad('a --limit that is not a number', () => ({ model: ws.mlp, inputs: ws.mlpX, limit: 'ten' }), /--limit must be a positive integer/);

  it('refuses an --out-logits path under a file', () => {
    const file = join(ws.dir, 'plain-file');
    writeFileSync(file, 'x');
    const run = evaluate({ model: ws.mlp, inputs: ws.mlpX, outLogits: join(file, 'sub') }, ws.dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--out-logits .*plain-file is not a directory/);
  });

  it('leaves an existing --out-logits directory untouched on error', () => {
    const out = join(ws.dir, 'existing');
    mkdirSync(out);
    const run = evaluate({ model: ws.mlp, inputs: ws.mlpX, engines: 'nope', outLogits: out }, ws.dir);
    expect(run.status).toBe(2);
    expect(readdirSync(out)).toEqual([]);
  });
});
