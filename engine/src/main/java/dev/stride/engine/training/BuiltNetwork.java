package dev.stride.engine.training;

import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A network ready to train with the input it expects.
 *
 * @param graph        the initialised DL4J network
 * @param input        its input image size and pixel scaling
 * @param channelsLast true when it takes NHWC input (compiled Keras-style designs), false for NCHW
 */
public record BuiltNetwork(ComputationGraph graph, InputGeometry input, boolean channelsLast) {
}
