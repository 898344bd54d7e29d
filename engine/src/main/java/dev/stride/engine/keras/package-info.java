/**
 * Keras model JSON in (Keras 2 and 3, Sequential and Functional) and out (Keras 3); layer parameters are converted
 * in one place, {@link dev.stride.engine.keras.KerasLayerCodec}, which the project file reuses.
 */
package dev.stride.engine.keras;
