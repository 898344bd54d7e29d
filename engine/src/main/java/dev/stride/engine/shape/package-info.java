/**
 * Keras-exact shape inference: {@link dev.stride.engine.shape.ShapeInference#analyze} turns a network into output
 * shapes, parameter counts, MACs, memory and {@link dev.stride.engine.shape.Diagnostic}s; the size arithmetic lives
 * only in {@link dev.stride.engine.shape.ConvArithmetic}.
 */
package dev.stride.engine.shape;
