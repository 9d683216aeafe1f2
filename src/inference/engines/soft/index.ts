/** The soft-float engines: binary32, binary16 or bfloat16 storage with three accumulation policies. */
export { type SoftEngineOptions, createSoftEngine } from './boundary.js';
export type { Accumulation, FormatName } from './format.js';
