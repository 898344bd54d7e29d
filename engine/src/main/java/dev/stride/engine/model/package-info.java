/**
 * The immutable network model: a directed acyclic graph of {@link dev.stride.engine.model.LayerNode}s whose
 * {@link dev.stride.engine.model.LayerSpec}s mirror Keras layers, parameter names and defaults.
 *
 * <p>The model accepts any parameter values (a kernel of 0, a cycle): judging a design is the job of
 * {@code dev.stride.engine.shape}, which reports every problem at once instead of failing on the first.
 */
package dev.stride.engine.model;
