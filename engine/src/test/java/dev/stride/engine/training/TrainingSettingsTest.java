package dev.stride.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.engine.model.Activation;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.Network;
import org.junit.jupiter.api.Test;

class TrainingSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keras_names_bind_and_absent_values_take_defaults() throws Exception {
        TrainingSettings settings = JSON.readValue("""
                {"optimizer": "rmsprop", "batch_size": 64, "validation_split": 0.2,
                 "schedule": {"type": "cosine", "decay_steps": 100},
                 "early_stopping": {"monitor": "val_accuracy", "patience": 3, "restore_best_weights": true}}""",
                TrainingSettings.class);

        assertThat(settings.optimizer()).isEqualTo(TrainingSettings.Optimizer.RMSPROP);
        assertThat(settings.learningRate()).isEqualTo(0.001);
        assertThat(settings.momentum()).isEqualTo(0.9);
        assertThat(settings.batchSize()).isEqualTo(64);
        assertThat(settings.loss()).isEqualTo(TrainingSettings.Loss.CATEGORICAL_CROSSENTROPY);
        assertThat(settings.earlyStoppingIfAny()).hasValueSatisfying(e -> {
            assertThat(e.monitor()).isEqualTo(TrainingSettings.Monitor.VAL_ACCURACY);
            assertThat(e.minDelta()).isZero();
            assertThat(e.restoreBestWeights()).isTrue();
        });
        assertThat(settings.schedule().rateAt(0.001, 100)).isZero();
        assertThat(settings.schedule().rateAt(0.001, 50)).isCloseTo(0.0005, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(JSON.readValue(JSON.writeValueAsString(settings), TrainingSettings.class)).isEqualTo(settings);
    }

    @Test
    void bad_values_are_rejected_naming_the_setting() {
        assertThatThrownBy(() -> JSON.readValue("{\"batch_size\": 0}", TrainingSettings.class))
                .hasMessageContaining("batch_size");
        assertThatThrownBy(() -> JSON.readValue("{\"optimizer\": \"lion\"}", TrainingSettings.class))
                .hasMessageContaining("lion");
        assertThatThrownBy(() -> JSON.readValue("{\"validation_split\": 1.5}", TrainingSettings.class))
                .hasMessageContaining("validation_split");
    }

    @Test
    void step_and_exponential_schedules_decay_like_keras() {
        var step = new TrainingSettings.LearningRateSchedule(TrainingSettings.LearningRateSchedule.Type.STEP, 10,
                0.5, 0);
        var exponential = new TrainingSettings.LearningRateSchedule(
                TrainingSettings.LearningRateSchedule.Type.EXPONENTIAL, 10, 0.5, 0);
        assertThat(step.rateAt(1.0, 19)).isEqualTo(0.5);
        assertThat(exponential.rateAt(1.0, 15)).isCloseTo(Math.pow(0.5, 1.5), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void the_memory_estimate_refuses_a_batch_that_does_not_fit_and_names_one_that_does() {
        Network network = Network.sequential(InputLayerSpec.image(64, 64, 3),
                Conv2DSpec.of(32, 3).withActivation(Activation.RELU), FlattenSpec.of(),
                DenseSpec.of(10, Activation.SOFTMAX));
        MemoryEstimate small = MemoryEstimate.of(network, TrainingSettings.Optimizer.ADAM, 8);
        MemoryEstimate large = MemoryEstimate.of(network, TrainingSettings.Optimizer.ADAM, 4096);
        long limit = small.totalBytes() * 4;

        assertThat(large.totalBytes() - large.fixedBytes()).isEqualTo(512 * (small.totalBytes() - small.fixedBytes()));
        assertThat(small.refusal(limit)).isNull();
        String refusal = large.refusal(limit);
        assertThat(refusal).contains("batch size 4096").contains("use batch_size");
        int suggested = Integer.parseInt(refusal.replaceAll(".*use batch_size (\\d+).*", "$1"));
        assertThat(MemoryEstimate.of(network, TrainingSettings.Optimizer.ADAM, suggested).refusal(limit)).isNull();
        assertThat(MemoryEstimate.of(network, TrainingSettings.Optimizer.ADAM, suggested + 1).refusal(limit))
                .isNotNull();
    }
}
