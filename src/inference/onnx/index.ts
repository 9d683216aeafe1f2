/** The ONNX importer: an .onnx model → the fpuless graph (spec/onnx.md). */
export { MAX_OPSET, MIN_OPSET, type OnnxImportOptions, SUPPORTED_OPERATORS, importOnnx, loadOnnx } from './importer.js';
