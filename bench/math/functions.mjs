/**
 * The elementary functions as the benchmarks see them: for each, the native double expression it is measured against
 * (JavaScript's Math.* where there is one; erf, erfc and gelu have none, so their baseline is Cody's rational erf in
 * doubles, the f64 inference engine's, passed in as `erf64`), and input generators in doubles:
 *   domain(rng)  values spread over the range where the function does real work (no overflow, no saturation),
 *   nn(rng)      for the functions networks use, values like the ones they meet there (optional).
 * rng is the benchmark's seeded generator: { uniform() in [0, 1), normal() ~ N(0, 1) }.
 */

const u = (rng, lo, hi) => lo + (hi - lo) * rng.uniform();
/** Pre-activations: N(0, 2). */
const preact = (rng) => 2 * rng.normal();
/** Softmax arguments: logit − max logit, ≤ 0. */
const softmaxArg = (rng) => -Math.abs(3 * rng.normal());
/** Variances as normalization layers see them: mean of 16 squares of N(0, 1) sums, plus 1e-5. */
const variance = (rng) => {
  let acc = 0;
  for (let j = 0; j < 16; j++) acc += rng.normal() ** 2;
  return acc / 16 + 1e-5;
};

export const MATH_FUNCTIONS = {
  exp: { native: 'Math.exp(a)', domain: (r) => u(r, -20, 20), nn: softmaxArg },
  exp2: { native: '2 ** a', domain: (r) => u(r, -30, 30) },
  exp10: { native: '10 ** a', domain: (r) => u(r, -10, 10) },
  expm1: { native: 'Math.expm1(a)', domain: (r) => u(r, -20, 20) },
  log: { native: 'Math.log(a)', domain: (r) => u(r, 0, 100), nn: variance },
  log2: { native: 'Math.log2(a)', domain: (r) => u(r, 0, 100) },
  log10: { native: 'Math.log10(a)', domain: (r) => u(r, 0, 100) },
  log1p: { native: 'Math.log1p(a)', domain: (r) => u(r, -0.5, 10) },
  rsqrt: { native: '1 / Math.sqrt(a)', domain: (r) => u(r, 0, 100), nn: variance },
  sin: { native: 'Math.sin(a)', domain: (r) => u(r, -10, 10) },
  cos: { native: 'Math.cos(a)', domain: (r) => u(r, -10, 10) },
  tan: { native: 'Math.tan(a)', domain: (r) => u(r, -10, 10) },
  asin: { native: 'Math.asin(a)', domain: (r) => u(r, -1, 1) },
  acos: { native: 'Math.acos(a)', domain: (r) => u(r, -1, 1) },
  atan: { native: 'Math.atan(a)', domain: (r) => u(r, -10, 10) },
  sinh: { native: 'Math.sinh(a)', domain: (r) => u(r, -10, 10) },
  cosh: { native: 'Math.cosh(a)', domain: (r) => u(r, -10, 10) },
  tanh: { native: 'Math.tanh(a)', domain: (r) => u(r, -4, 4), nn: preact },
  asinh: { native: 'Math.asinh(a)', domain: (r) => u(r, -100, 100) },
  acosh: { native: 'Math.acosh(a)', domain: (r) => u(r, 1, 100) },
  atanh: { native: 'Math.atanh(a)', domain: (r) => u(r, -1, 1) },
  erf: { native: 'erf64.erf(a)', domain: (r) => u(r, -4, 4), nn: preact },
  erfc: { native: 'erf64.erfc(a)', domain: (r) => u(r, -4, 10) },
  sigmoid: { native: '1 / (1 + Math.exp(-a))', domain: (r) => u(r, -15, 15), nn: preact },
  softplus: { native: 'a > 0 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a))', domain: (r) => u(r, -15, 15), nn: preact },
  gelu: { native: 'erf64.gelu(a)', domain: (r) => u(r, -6, 6), nn: preact },
  pow: { native: 'a ** b', domain: (r) => u(r, 0, 10), domainB: (r) => u(r, -8, 8), binary: true },
  atan2: { native: 'Math.atan2(a, b)', domain: (r) => u(r, -10, 10), domainB: (r) => u(r, -10, 10), binary: true },
  hypot: { native: 'Math.hypot(a, b)', domain: (r) => u(r, -100, 100), domainB: (r) => u(r, -100, 100), binary: true },
};

/** The targets (soft ÷ native time) for binary32. */
export const MATH_TARGETS = { exp: 10, log: 10, tanh: 10, sigmoid: 10 };
