package dev.stride.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.model.Activation;
import dev.stride.engine.model.AveragePooling1DSpec;
import dev.stride.engine.model.AveragePooling3DSpec;
import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.model.Constraint;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DataFormat;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.DropoutSpec;
import dev.stride.engine.model.GlobalAveragePooling1DSpec;
import dev.stride.engine.model.GlobalAveragePooling3DSpec;
import dev.stride.engine.model.GlobalMaxPooling1DSpec;
import dev.stride.engine.model.GlobalMaxPooling3DSpec;
import dev.stride.engine.model.Initializer;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.Margins;
import dev.stride.engine.model.MaxPooling1DSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.MaxPooling3DSpec;
import dev.stride.engine.model.NodeId;
import dev.stride.engine.model.Padding;
import dev.stride.engine.model.Regularizer;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.Size3D;
import dev.stride.engine.model.SubtractSpec;
import dev.stride.engine.model.ZeroPadding2DSpec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Code pane's one-liners: Keras's own spelling, positional arguments first, defaults left out. */
class KerasLayerCodeTest {

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of(Conv2DSpec.of(32, 3).withStrides(Size2D.square(2)).withPadding(Padding.SAME)
                        .withActivation(Activation.RELU),
                        "layers.Conv2D(32, (3, 3), strides=(2, 2), padding=\"same\", activation=\"relu\")"),
                Arguments.of(Conv2DSpec.of(16, Size2D.of(1, 5)),
                        "layers.Conv2D(16, (1, 5))"),
                Arguments.of(Conv2DSpec.of(8, 3).withKernelInitializer(Initializer.heNormal())
                                .withKernelRegularizer(Regularizer.l2(0.0005))
                                .withKernelConstraint(new Constraint.MaxNorm(3.0)),
                        "layers.Conv2D(8, (3, 3), kernel_initializer=\"he_normal\", "
                                + "kernel_regularizer=keras.regularizers.L2(l2=0.0005), "
                                + "kernel_constraint=keras.constraints.MaxNorm(max_value=3.0, axis=0))"),
                Arguments.of(Conv2DSpec.of(8, 3).withKernelInitializer(Initializer.heNormal().with("seed", 7)),
                        "layers.Conv2D(8, (3, 3), kernel_initializer=keras.initializers.HeNormal(seed=7))"),
                Arguments.of(MaxPooling2DSpec.of(), "layers.MaxPooling2D()"),
                Arguments.of(MaxPooling2DSpec.of(Size2D.square(3)).withStrides(Size2D.square(2)),
                        "layers.MaxPooling2D((3, 3), strides=(2, 2))"),
                Arguments.of(DenseSpec.of(10, Activation.SOFTMAX), "layers.Dense(10, activation=\"softmax\")"),
                Arguments.of(DenseSpec.of(64).withUseBias(false), "layers.Dense(64, use_bias=False)"),
                Arguments.of(DropoutSpec.of(0.25), "layers.Dropout(0.25)"),
                Arguments.of(BatchNormalizationSpec.of(), "layers.BatchNormalization()"),
                Arguments.of(ZeroPadding2DSpec.of(Margins.of(0, 1, 0, 1)),
                        "layers.ZeroPadding2D(padding=((0, 1), (0, 1)))"),
                Arguments.of(GlobalMaxPooling1DSpec.of(), "layers.GlobalMaxPooling1D()"),
                Arguments.of(new GlobalAveragePooling1DSpec(DataFormat.CHANNELS_FIRST, true),
                        "layers.GlobalAveragePooling1D(data_format=\"channels_first\", keepdims=True)"),
                Arguments.of(new GlobalMaxPooling3DSpec(DataFormat.CHANNELS_LAST, true),
                        "layers.GlobalMaxPooling3D(keepdims=True)"),
                Arguments.of(new GlobalAveragePooling3DSpec(DataFormat.CHANNELS_FIRST, false),
                        "layers.GlobalAveragePooling3D(data_format=\"channels_first\")"),
                Arguments.of(new SubtractSpec(), "layers.Subtract()"),
                Arguments.of(MaxPooling1DSpec.of(), "layers.MaxPooling1D()"),
                Arguments.of(new AveragePooling1DSpec(3, 1, Padding.SAME, DataFormat.CHANNELS_FIRST),
                        "layers.AveragePooling1D((3,), strides=(1,), padding=\"same\","
                                + " data_format=\"channels_first\")"),
                Arguments.of(new MaxPooling3DSpec(Size3D.of(2, 3, 2), null, Padding.VALID, DataFormat.CHANNELS_LAST),
                        "layers.MaxPooling3D((2, 3, 2))"),
                Arguments.of(new AveragePooling3DSpec(Size3D.cube(2), Size3D.of(2, 2, 1), Padding.VALID,
                        DataFormat.CHANNELS_LAST), "layers.AveragePooling3D(strides=(2, 2, 1))"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("layers")
    void writesTheLayerAsKerasTutorialsDo(LayerSpec spec, String expected) {
        assertThat(KerasLayerCode.selectedLayerKeras(new LayerNode(NodeId.of("n1"), "any_name", spec)))
                .isEqualTo(expected);
    }
}
