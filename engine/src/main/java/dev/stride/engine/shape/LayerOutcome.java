package dev.stride.engine.shape;

import dev.stride.engine.model.TensorShape;

/** What one layer rule computed: output shape, trainable and frozen parameter counts, MACs (−1 unknown). */
record LayerOutcome(TensorShape shape, long trainable, long nonTrainable, long macs) {
    static LayerOutcome passThrough(TensorShape shape) {
        return new LayerOutcome(shape, 0, 0, 0);
    }
}
