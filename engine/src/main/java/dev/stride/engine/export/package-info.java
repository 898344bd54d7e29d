/**
 * Export of designs and trained models: Keras 3, PyTorch and DL4J Java code generators, Stride's own ONNX writer,
 * the summary as Markdown or text, and the network diagram as SVG or PNG; {@link dev.stride.engine.export.DesignExporter}
 * is the single entry point.
 */
package dev.stride.engine.export;
