package dev.stride.engine.model;

/**
 * What one layer computes: one record per supported Keras layer, with Keras's parameter names (in camelCase) and
 * Keras's defaults in each record's {@code of(...)} factory. Nullable components mean Keras's {@code None}.
 */
public sealed interface LayerSpec
        permits InputLayerSpec, Conv2DSpec, Conv2DTransposeSpec, SeparableConv2DSpec, DepthwiseConv2DSpec,
                MaxPooling2DSpec, AveragePooling2DSpec, GlobalMaxPooling2DSpec, GlobalAveragePooling2DSpec,
                ZeroPadding2DSpec, Cropping2DSpec, UpSampling2DSpec, BatchNormalizationSpec, DropoutSpec,
                SpatialDropout2DSpec, ActivationSpec, FlattenSpec, ReshapeSpec, DenseSpec, AddSpec, SubtractSpec,
                MultiplySpec, AverageSpec, MaximumSpec, MinimumSpec, ConcatenateSpec, GlobalMaxPooling1DSpec,
                GlobalAveragePooling1DSpec, GlobalMaxPooling3DSpec, GlobalAveragePooling3DSpec, MaxPooling1DSpec,
                AveragePooling1DSpec, MaxPooling3DSpec, AveragePooling3DSpec {

    /** The Keras class name, which is also the stable type name in project files, e.g. {@code Conv2D}. */
    String kerasClassName();

    /**
     * True for layers that take several inputs (the element-wise merges and Concatenate); all others take exactly one
     * (InputLayer none).
     */
    default boolean isMerge() {
        return false;
    }

    /** The prefix Keras uses for automatic layer names, e.g. {@code max_pooling2d} for MaxPooling2D. */
    default String kerasNamePrefix() {
        return KerasNames.snakeCase(kerasClassName());
    }
}
