/**
 * The model graph every engine runs: tensors in NCHW order, named initializers, and nodes in execution order.
 *
 * Operators use ONNX names and attribute meanings (opset 13 semantics), so the ONNX importer maps onto it directly.
 * BatchNormalization exists only in files being loaded: `foldBatchNorm` removes it before any engine sees the graph.
 * Initializers hold float64 values; a model stored in binary32 widens exactly.
 */

export type OpType =
  | 'Gemm' // y = x·W^T + b (weights [out, in]); attrs: none (transA/transB/alpha/beta are normalized away on import)
  | 'MatMul' // y = x·W (W a constant [in, out])
  | 'Conv' // attrs: strides, pads [top, left, bottom, right], dilations, group
  | 'MaxPool' // attrs: kernel [kh, kw], strides, pads
  | 'AveragePool' // attrs: kernel, strides, pads, countIncludePad
  | 'GlobalAveragePool'
  | 'Relu'
  | 'Clip' // attrs: min, max (Relu6 is Clip 0..6)
  | 'LeakyRelu' // attrs: alpha
  | 'Sigmoid'
  | 'Tanh'
  | 'Gelu' // y = x·Φ(x) = x/2·(1 + erf(x/√2)), the exact (erf) form, not the tanh approximation
  | 'Softmax' // attrs: axis (last axis only is supported)
  | 'Add' // two tensors of one shape, or a tensor and a constant broadcast over it
  | 'Mul'
  | 'Concat' // attrs: axis
  | 'Flatten' // attrs: axis
  | 'Reshape' // attrs: shape (ONNX rules: 0 copies, -1 infers)
  | 'BatchNormalization'; // attrs: epsilon; inputs x, scale, bias, mean, var

export interface Tensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

export interface NodeAttributes {
  strides?: number[];
  pads?: number[];
  dilations?: number[];
  group?: number;
  kernel?: number[];
  countIncludePad?: boolean;
  min?: number;
  max?: number;
  alpha?: number;
  axis?: number;
  shape?: number[];
  epsilon?: number;
}

export interface GraphNode {
  readonly name: string;
  readonly op: OpType;
  /** Names of value tensors or initializers, in ONNX input order (Gemm/Conv: x, W, optional b). */
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attrs: NodeAttributes;
}

export interface ValueInfo {
  readonly name: string;
  /** Shape of one sample including the batch dimension 1, e.g. [1, 1, 28, 28]. */
  readonly shape: readonly number[];
}

export interface Graph {
  readonly name: string;
  readonly inputs: readonly ValueInfo[];
  readonly outputs: readonly ValueInfo[];
  readonly initializers: ReadonlyMap<string, Tensor>;
  /** Topologically ordered. */
  readonly nodes: readonly GraphNode[];
  /**
   * The quantization a QDQ model prescribes (QuantizeLinear/DequantizeLinear in ONNX), by value or initializer name:
   * activations quantized and dequantized in the file, and weights stored as integer codes. The float graph already
   * holds the dequantized weights; engines that run in floating point ignore this, the fixed-point engine's `qdq`
   * mode uses it instead of calibrating. Absent for ordinary float models.
   */
  readonly quantization?: ReadonlyMap<string, TensorQuantization>;
}

/** Scale and zero point of a quantized tensor: real = scale·(code − zeroPoint), per tensor or along `axis`. */
export interface TensorQuantization {
  /** One scale, or one per index of `axis`. */
  readonly scale: Float64Array;
  /** As many zero points as scales. */
  readonly zeroPoint: Int32Array;
  /** The axis of per-channel parameters (−1 when per tensor). */
  readonly axis: number;
  readonly type: 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32';
}

/** See Engine.storedRanges. */
export interface StoredRange {
  readonly node: string;
  readonly lo: number;
  readonly hi: number;
}

/** What every engine offers; one engine instance is built per graph (weights prepared once). */
export interface Engine {
  /** Stable name, e.g. `f64`, `soft-f32-sequential`, `soft-f16-exact`, `int8-maxabs-pertensor`. */
  readonly name: string;
  /** Bytes the engine's weights and biases occupy in its own storage format. */
  readonly weightBytes: number;
  /** Run one sample (the graph's single input, flattened NCHW) and return the graph output as doubles. */
  run(input: Float64Array): Float64Array;
  /**
   * Run one sample and return every node's output (decoded to doubles), keyed by node name, for per-layer error
   * analysis. Slower than `run`; never used for timing.
   */
  trace(input: Float64Array): Map<string, Float64Array>;
  /**
   * For an engine that stores values as codes of a bounded range (the quantized engines): the real interval each
   * code range covers, for the graph input (keyed by its name) and for every Gemm/MatMul/Conv node (keyed by the
   * node's name). `node` names the node whose output is stored there: the layer itself, or the Relu/Clip fused
   * into it (the graph input's own name for the input). A real value outside [lo, hi] cannot be stored: the engine
   * clips it. Absent for engines without bounded ranges.
   */
  storedRanges?(): ReadonlyMap<string, StoredRange>;
}
