package dev.stride.engine.export;

/** The axis order of an exported ONNX model's image inputs; the graph itself computes in NCHW as ONNX requires. */
public enum OnnxInputLayout {
    /** (batch, channels, height, width): ONNX's native layout, and DL4J's for channels_first designs. */
    NCHW,
    /** (batch, height, width, channels): Keras's channels_last, which Stride's DL4J networks take too. */
    NHWC
}
