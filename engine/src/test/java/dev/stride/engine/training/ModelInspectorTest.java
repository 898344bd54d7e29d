package dev.stride.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ModelInspectorTest {

    @Test
    void aShortDemoRunLearnsAndCanBeLookedInto() {
        TrainingSettings settings = TrainingSettings.defaults().withEpochs(2).withBatchSize(32)
                .withValidationSplit(0.25).withLearningRate(0.005);
        PreparedRun run = DemoShapes.prepare(settings, 40);
        assertThat(run.trainingExamples()).isEqualTo(120);
        assertThat(run.evaluationExamples()).isEqualTo(40);
        assertThat(run.batchesPerEpoch()).isEqualTo(4);
        assertThat(run.memoryEstimateBytes(32)).isPresent();
        assertThat(run.memoryEstimateBytes(64).getAsLong()).isGreaterThan(run.memoryEstimateBytes(32).getAsLong());

        TrainingEvent end = run.session().runHere();
        assertThat(end).isInstanceOf(TrainingEvent.Finished.class);

        ModelInspector inspector = run.inspector();
        RunEvaluation evaluation = inspector.evaluate();
        assertThat(evaluation.total()).isEqualTo(40);
        assertThat(evaluation.labels()).isEqualTo(DemoShapes.LABELS);

        ImagePixels image = inspector.example(0);
        assertThat(image.width()).isEqualTo(28);
        float[] probabilities = inspector.predict(image);
        double sum = 0;
        for (float p : probabilities) {
            sum += p;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-4));
        assertThat(inspector.topK(image, 5)).hasSize(4)
                .isSortedAccordingTo((a, b) -> Float.compare(b.probability(), a.probability()));

        assertThat(inspector.featureMaps(image)).extracting(ModelInspector.FeatureMap::layer)
                .containsExactly("conv2d", "conv2d_1");
        ModelInspector.FeatureMap first = inspector.featureMaps(image).get(0);
        assertThat(first.channels()).isEqualTo(8);
        assertThat(first.height()).isEqualTo(24);
        assertThat(first.values()).hasSize(8 * 24 * 24);

        ModelInspector.Kernels kernels = inspector.firstLayerKernels();
        assertThat(kernels.filters()).isEqualTo(8);
        assertThat(kernels.inputChannels()).isEqualTo(1);
        assertThat(kernels.values()).hasSize(8 * 25);
    }
}
