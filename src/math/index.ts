/** The elementary functions of fpuless, for binary32, binary16 and bfloat16 (one function per file). */
export { bf16_exp, f16_exp, f32_exp } from './exp.js';
export { bf16_tanh, f16_tanh, f32_tanh } from './tanh.js';
export { bf16_sigmoid, f16_sigmoid, f32_sigmoid } from './sigmoid.js';
export { bf16_exp2, f16_exp2, f32_exp2 } from './exp2.js';
export { bf16_exp10, f16_exp10, f32_exp10 } from './exp10.js';
export { bf16_expm1, f16_expm1, f32_expm1 } from './expm1.js';
export { bf16_log, f16_log, f32_log } from './log.js';
export { bf16_log2, f16_log2, f32_log2 } from './log2.js';
export { bf16_log10, f16_log10, f32_log10 } from './log10.js';
export { bf16_log1p, f16_log1p, f32_log1p } from './log1p.js';
export { bf16_rsqrt, f16_rsqrt, f32_rsqrt } from './rsqrt.js';
export { bf16_softplus, f16_softplus, f32_softplus } from './softplus.js';
export { bf16_sin, f16_sin, f32_sin } from './sin.js';
export { bf16_cos, f16_cos, f32_cos } from './cos.js';
export { bf16_tan, f16_tan, f32_tan } from './tan.js';
