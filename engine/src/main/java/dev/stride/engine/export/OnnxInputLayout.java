package dev.stride.engine.export;

/** The axis order of an exported ONNX model's image inputs; the graph itself computes in NCHW as ONNX requires. */
public enum OnnxInputLayout {
    /** (batch, channels, height, width): what DL4J computes in by default and ONNX's native layout. */
    NCHW,
    /** (batch, height, width, channels): Keras's channels_last; a Transpose at the input converts it. */
    NHWC
}
