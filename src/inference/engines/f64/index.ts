/** The float64 reference engine. */
export { F64Engine, createF64Engine } from './engine.js';
