/**
 * The graph op Gelu: erf/erfc/gelu of the f64 engine against 60-digit values (mpmath), the op through validation,
 * planning and the f64 engine, and the soft and quantized engines refusing it by name until they implement it.
 */
import { describe, expect, it } from 'vitest';
import { erf, erfc, gelu } from '../../../../src/inference/engines/f64/erf.js';
import { createF64Engine } from '../../../../src/inference/engines/f64/index.js';
import { createQuantEngine } from '../../../../src/inference/engines/quant/index.js';
import { createSoftEngine } from '../../../../src/inference/engines/soft/index.js';
import { planGraph } from '../../../../src/inference/model/plan.js';
import { OP_TYPES, validateGraph } from '../../../../src/inference/model/validate.js';
import { readModel, writeModel } from '../../../../src/inference/model/modelFile.js';
import { graph, node, single, tensor } from '../../model/graphs.js';

/** [x, erf(x), erfc(x)], correctly rounded. */
const ERF: readonly (readonly [number, number, number])[] = [
  [0.0, 0.0, 1.0],
  [1e-300, 1.1283791670955126e-300, 1.0],
  [-1e-300, -1.1283791670955126e-300, 1.0],
  [1e-20, 1.1283791670955125e-20, 1.0],
  [1e-09, 1.1283791670955127e-09, 0.9999999988716208],
  [-1e-09, -1.1283791670955127e-09, 1.0000000011283792],
  [1e-05, 1.1283791670579e-05, 0.9999887162083294],
  [0.001, 0.0011283787909692365, 0.9988716212090307],
  [-0.01, -0.011283415555849618, 1.0112834155558497],
  [0.1, 0.1124629160182849, 0.887537083981715],
  [-0.25, -0.27632639016823696, 1.276326390168237],
  [0.46875, 0.49261347321793797, 0.507386526782062],
  [-0.46875, -0.49261347321793797, 1.492613473217938],
  [0.46876, 0.4926225311068465, 0.5073774688931535],
  [0.5, 0.5204998778130465, 0.4795001221869535],
  [-0.75, -0.7111556336535151, 1.7111556336535152],
  [1.0, 0.8427007929497149, 0.15729920705028513],
  [-1.0, -0.8427007929497149, 1.8427007929497148],
  [1.5, 0.9661051464753108, 0.033894853524689274],
  [2.0, 0.9953222650189527, 0.004677734981047266],
  [-2.5, -0.999593047982555, 1.999593047982555],
  [3.0, 0.9999779095030014, 2.209049699858544e-5],
  [3.5, 0.9999992569016276, 7.430983723414128e-7],
  [3.999, 0.9999999844552505, 1.554474949099499e-8],
  [4.0, 0.9999999845827421, 1.541725790028002e-8],
  [-4.0, -0.9999999845827421, 1.999999984582742],
  [4.001, 0.9999999847092178, 1.5290782173248732e-8],
  [4.5, 0.9999999998033839, 1.9661604415428876e-10],
  [5.0, 0.9999999999984626, 1.537459794428035e-12],
  [6.0, 1.0, 2.1519736712498913e-17],
  [-6.0, -1.0, 2.0],
  [8.0, 1.0, 1.1224297172982926e-29],
  [10.0, 1.0, 2.088487583762545e-45],
  [15.0, 1.0, 7.212994172451207e-100],
  [20.0, 1.0, 5.395865611607901e-176],
  [26.0, 1.0, 5.663192408856143e-296],
  [26.5, 1.0, 2.2109076642637343e-307],
  [30.0, 1.0, 0.0],
  [-30.0, -1.0, 2.0],
];

/** [x, x·Φ(x)], correctly rounded. */
const GELU: readonly (readonly [number, number])[] = [
  [0.0, 0.0],
  [1e-300, 5e-301],
  [-1e-300, -5e-301],
  [1e-9, 5.000000003989423e-10],
  [-1e-9, -4.999999996010577e-10],
  [0.001, 0.000500398942213911],
  [-0.001, -0.000499601057786089],
  [0.1, 0.053982783727702904],
  [-0.1, -0.0460172162722971],
  [0.5, 0.34573123063700656],
  [-0.5, -0.15426876936299344],
  [0.663, 0.4948199213233973],
  [-0.663, -0.16818007867660276],
  [0.67, 0.5015426402861423],
  [-0.67, -0.16845735971385778],
  [1.0, 0.8413447460685429],
  [-1.0, -0.15865525393145705],
  [1.5, 1.399789198096713],
  [-1.5, -0.1002108019032871],
  [2.0, 1.9544997361036416],
  [-2.0, -0.04550026389635842],
  [3.0, 2.99595030590511],
  [-3.0, -0.0040496940948902835],
  [4.0, 3.9998733150326675],
  [-4.0, -0.0001266849673324797],
  [5.0, 4.999998566742141],
  [-5.0, -1.4332578593959695e-6],
  [-5.7, -3.414511698606211e-8],
  [6.0, 5.999999994080474],
  [-6.0, -5.9195258702261885e-9],
  [8.0, 7.999999999999995],
  [-8.0, -4.976768459417427e-15],
  [10.0, 10.0],
  [-10.0, -7.619853024160526e-23],
  [-20.0, -5.507248237212468e-88],
  [-30.0, -1.472014178144456e-196],
  [-37.0, -2.1184613523340935e-298],
  [38.0, 38.0],
];

/** |got − want| ≤ rel·|want|, or an absolute 1e-300 where the value is (nearly) subnormal. */
function close(got: number, want: number, rel: number): boolean {
  return Math.abs(got - want) <= Math.max(rel * Math.abs(want), 1e-300);
}

describe('erf, erfc and gelu in doubles', () => {
  it('erf and erfc are within 1e-15 relative of 60-digit values', () => {
    for (const [x, e, c] of ERF) {
      expect(close(erf(x), e, 1e-15), `erf(${x}) = ${erf(x)}, want ${e}`).toBe(true);
      expect(close(erfc(x), c, 1e-15), `erfc(${x}) = ${erfc(x)}, want ${c}`).toBe(true);
    }
  });

  it('gelu is within 2e-15 relative, including the far negative tail', () => {
    for (const [x, g] of GELU) expect(close(gelu(x), g, 2e-15), `gelu(${x}) = ${gelu(x)}, want ${g}`).toBe(true);
  });

  it('is odd (erf), complementary (erfc), and handles the special values', () => {
    for (let x = -6; x <= 6; x += 0.37) {
      expect(erf(-x)).toBe(-erf(x));
      expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThan(2e-16 * 4);
    }
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(Number.isNaN(erf(NaN))).toBe(true);
    expect(Number.isNaN(erfc(NaN))).toBe(true);
    expect(Number.isNaN(gelu(NaN))).toBe(true);
    expect(Object.is(erf(-0), -0)).toBe(true);
    expect(gelu(Infinity)).toBe(Infinity);
  });

  it('is monotone where GELU is (x ≥ −0.75) on a fine grid', () => {
    let prev = gelu(-0.75);
    for (let x = -0.75; x <= 8; x += 1 / 1024) {
      const g = gelu(x);
      expect(g).toBeGreaterThanOrEqual(prev);
      prev = g;
    }
  });
});

describe('the Gelu graph op', () => {
  const g = single('Gelu', [1, 2, 3]);

  it('is listed, validates and plans as a unary step', () => {
    expect(OP_TYPES).toContain('Gelu');
    expect(validateGraph(g).get('n')).toEqual([1, 2, 3]);
    const step = planGraph(g).steps[0]!;
    expect(step.kind).toBe('Gelu');
    expect(() => validateGraph(single('Gelu', [1, 2], { alpha: 0.5 }))).toThrow(/attribute alpha does not apply to Gelu/);
  });

  it('runs in the f64 engine elementwise', () => {
    const x = Float64Array.from([-3, -1, -0.1, 0, 0.5, 2]);
    const y = createF64Engine(g).run(x);
    expect(Array.from(y)).toEqual(Array.from(x, gelu));
    expect(close(y[1]!, -0.15865525393145705, 2e-15)).toBe(true);
  });

  it('survives the model file', () => {
    const h = readModel(writeModel(g));
    expect(h.nodes[0]!.op).toBe('Gelu');
    const x = Float64Array.from([-3, -1, -0.1, 0, 0.5, 2]);
    expect(createF64Engine(h).run(x)).toEqual(createF64Engine(g).run(x));
  });

  it('runs on the soft engines (the format\'s correctly rounded gelu) and the quantized ones (a lookup table)', () => {
    const mlp = graph(
      ['x', [1, 2]],
      [node('fc', 'Gemm', ['x', 'W']), node('act', 'Gelu', ['fc'])],
      [tensor('W', [2, 2], [1, 0.5, -0.5, 1])],
    );
    const x = Float64Array.from([0.75, -1.5]);
    const ref = createF64Engine(mlp).run(x);
    // fc = [0, -1.875] exactly in every format; gelu(-1.875) rounded once to each format.
    const soft32 = createSoftEngine(mlp, { format: 'f32', accumulation: 'sequential' }).run(x);
    expect(Array.from(soft32)).toEqual([0, Math.fround(ref[1]!)]);
    const soft16 = createSoftEngine(mlp, { format: 'f16', accumulation: 'exact' }).run(x);
    expect(Math.abs(soft16[1]! - ref[1]!)).toBeLessThanOrEqual(2 ** -11 * Math.abs(ref[1]!));
    const calibration = [Float64Array.from([0.5, -1]), Float64Array.from([1, 2]), x];
    const q = createQuantEngine(mlp, { bits: 8 }, calibration).run(x);
    expect(Math.abs(q[1]! - ref[1]!)).toBeLessThan(0.01);
});
});
