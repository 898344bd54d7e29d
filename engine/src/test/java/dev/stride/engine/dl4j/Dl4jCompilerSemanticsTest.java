package dev.stride.engine.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.stride.engine.model.Activation;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.DropoutSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.Initializer;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.Regularizer;
import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.training.TrainingSettings;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Keras's meaning survives compilation, checked by effect on a running network rather than by its configuration. */
class Dl4jCompilerSemanticsTest {
    private static final TrainingSettings SETTINGS = TrainingSettings.defaults().withSeed(3);

    private static ComputationGraph build(Network network) {
        Dl4jCompilation compilation = Dl4jCompiler.compile(network, SETTINGS);
        assertThat(compilation.errors()).isEmpty();
        return compilation.newNetwork();
    }

    @Test
    void keras_dropout_rate_is_the_fraction_dropped_in_training_and_nothing_is_dropped_in_inference() {
        ComputationGraph graph = build(Network.sequential(InputLayerSpec.vector(20_000), DropoutSpec.of(0.25),
                DenseSpec.of(2, Activation.SOFTMAX)));
        INDArray ones = Nd4j.ones(DataType.FLOAT, 1, 20_000);
        String dropout = graph.getConfiguration().getTopologicalOrderStr().get(1);

        Map<String, INDArray> training = graph.feedForward(ones, true);
        double dropped = training.get(dropout).eq(0).castTo(DataType.FLOAT).meanNumber().doubleValue();
        Map<String, INDArray> inference = graph.feedForward(ones, false);

        assertThat(dropped).isCloseTo(0.25, within(0.02));
        // Inverted dropout scales the kept values by 1/(1 - rate), as Keras does.
        assertThat(training.get(dropout).maxNumber().doubleValue()).isCloseTo(1 / 0.75, within(1e-5));
        assertThat(inference.get(dropout).eq(0).any()).isFalse();
    }

    @Test
    void keras_l2_adds_factor_times_sum_of_squared_weights_to_the_loss() {
        double factor = 0.01;
        Network plain = Network.sequential(InputLayerSpec.vector(6), DenseSpec.of(4, Activation.RELU),
                DenseSpec.of(3, Activation.SOFTMAX));
        Network regularized = Network.sequential(InputLayerSpec.vector(6),
                DenseSpec.of(4, Activation.RELU).withKernelRegularizer(Regularizer.l2(factor)),
                DenseSpec.of(3, Activation.SOFTMAX));
        ComputationGraph without = build(plain);
        ComputationGraph with = build(regularized);
        with.setParams(without.params().dup());
        DataSet batch = new DataSet(Nd4j.rand(DataType.FLOAT, 5, 6), Nd4j.eye(3).getRows(0, 1, 2, 0, 1)
                .castTo(DataType.FLOAT));

        double penalty = with.score(batch, false) - without.score(batch, false);
        INDArray kernel = with.getLayer(with.getConfiguration().getTopologicalOrderStr().get(1)).getParam("W");
        double expected = factor * kernel.mul(kernel).sumNumber().doubleValue();

        assertThat(penalty).isCloseTo(expected, within(1e-5));
    }

    @Test
    void he_normal_draws_a_truncated_normal_with_keras_variance() {
        int fanIn = 3 * 3 * 64;
        ComputationGraph graph = build(Network.sequential(InputLayerSpec.image(8, 8, 64),
                Conv2DSpec.of(128, 3).withKernelInitializer(Initializer.heNormal()), FlattenSpec.of(),
                DenseSpec.of(2, Activation.SOFTMAX)));
        INDArray kernel = graph.getLayer(graph.getConfiguration().getTopologicalOrderStr().get(1)).getParam("W");
        double std = kernel.stdNumber().doubleValue();
        double limit = 2 * Math.sqrt(2.0 / fanIn) / 0.87962566103423978;

        assertThat(std).isCloseTo(Math.sqrt(2.0 / fanIn), within(0.002));
        assertThat(kernel.amaxNumber().doubleValue()).isLessThanOrEqualTo(limit + 1e-6);
        assertThat(kernel.amaxNumber().doubleValue()).isGreaterThan(0.95 * limit);
    }

    @Test
    void batch_normalization_moves_its_statistics_with_keras_momentum() {
        ComputationGraph graph = build(Network.sequential(InputLayerSpec.vector(4), BatchNormalizationSpec.of(),
                DenseSpec.of(2, Activation.SOFTMAX)));
        String bn = graph.getConfiguration().getTopologicalOrderStr().get(1);
        INDArray features = Nd4j.ones(DataType.FLOAT, 8, 4).muli(10);
        graph.fit(new DataSet(features, Nd4j.zeros(DataType.FLOAT, 8, 2).putScalar(0, 0, 1)));

        double movingMean = graph.getLayer(bn).getParam("mean").getDouble(0);
        // Keras: moving = 0.99 * 0 + 0.01 * 10 = 0.1 (DL4J's default decay 0.9 would give 1.0).
        assertThat(movingMean).isCloseTo(0.1, within(1e-4));
    }

    @Test
    void what_dl4j_cannot_express_is_named_by_layer_and_parameter_before_training() {
        Network grouped = Network.sequential(InputLayerSpec.image(8, 8, 4), Conv2DSpec.of(4, 3).withGroups(2),
                FlattenSpec.of(), DenseSpec.of(2, Activation.LINEAR));

        Dl4jCompilation compilation = Dl4jCompiler.compile(grouped, SETTINGS);

        assertThat(compilation.configuration()).isNull();
        assertThat(compilation.errors()).extracting(Dl4jDiagnostic::layerName, Dl4jDiagnostic::parameter)
                .contains(org.assertj.core.groups.Tuple.tuple("conv2d", "groups"),
                        org.assertj.core.groups.Tuple.tuple("dense", "activation"));
        org.assertj.core.api.Assertions.assertThatThrownBy(compilation::newNetwork)
                .isInstanceOf(UnsupportedDesignException.class).hasMessageContaining("groups=2");
    }
}
