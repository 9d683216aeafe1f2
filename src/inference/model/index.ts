/** The model layer: graph types, validation and shapes, batch-norm folding, the shared plan, the model file. */
export type { Engine, Graph, GraphNode, NodeAttributes, OpType, Tensor, TensorQuantization, ValueInfo } from './graph.js';
export { ModelError } from './errors.js';
export { OP_TYPES, type ShapeMap, checkTensor, validateGraph } from './validate.js';
export {
  MAX_ELEMENTS,
  MAX_RANK,
  MAX_TOTAL_ELEMENTS,
  MAX_WINDOW,
  type Broadcast,
  type ConvGeometry,
  type DenseGeometry,
  type PoolGeometry,
  type WindowGeometry,
  checkShape,
  formatShape,
} from './shapes.js';
export { foldBatchNorm } from './foldBatchNorm.js';
export {
  type BatchNormStep,
  type BinaryStep,
  type ConcatStep,
  type ConvStep,
  type DenseStep,
  type GlobalAveragePoolStep,
  type Plan,
  type PlanValue,
  type PoolStep,
  type ReshapeStep,
  type SoftmaxStep,
  type Step,
  type UnaryStep,
  planGraph,
} from './plan.js';
export {
  MAX_HEADER_BYTES,
  MODEL_FORMAT,
  MODEL_MAGIC,
  MODEL_VERSION,
  type WeightDtype,
  loadModel,
  readModel,
  saveModel,
  writeModel,
} from './modelFile.js';
