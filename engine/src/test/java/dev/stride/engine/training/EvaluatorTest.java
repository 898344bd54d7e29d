package dev.stride.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class EvaluatorTest {

    @Test
    void metrics_follow_the_confusion_matrix() {
        long[][] confusion = {{8, 2}, {1, 9}};
        List<List<List<Integer>>> cells = List.of(List.of(List.of(), List.of()), List.of(List.of(), List.of()));
        EvaluationReport report = new EvaluationReport(List.of("cat", "dog"), confusion, cells);

        assertThat(report.accuracy()).isCloseTo(17 / 20.0, within(1e-12));
        EvaluationReport.ClassMetrics cat = report.perClass().get(0);
        assertThat(cat.precision()).isCloseTo(8 / 9.0, within(1e-12));
        assertThat(cat.recall()).isCloseTo(8 / 10.0, within(1e-12));
        assertThat(cat.f1()).isCloseTo(2 * (8 / 9.0) * 0.8 / (8 / 9.0 + 0.8), within(1e-12));
        assertThat(cat.support()).isEqualTo(10);
    }

    @Test
    void every_example_lands_in_the_cell_of_its_actual_and_predicted_class() {
        TrainingSettings settings = TinyTraining.settings(3);
        ComputationGraph network = TinyTraining.classifier(settings);
        DataSet data = TinyTraining.clusters(60, 4);
        TrainingSession.create(network, settings, TinyTraining.unshuffled(data, null, 16)).runHere();
        int[] ids = new int[60];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 1000 + i;
        }

        EvaluationReport report = Evaluator.evaluate(network, new InMemoryDataSetIterator(data, 16, false, 0),
                List.of("a", "b", "c"), ids);

        assertThat(report.total()).isEqualTo(60);
        long[] predicted = network.outputSingle(data.getFeatures()).argMax(1).toLongVector();
        for (int i = 0; i < 60; i++) {
            int actual = i % 3;
            assertThat(report.examples(actual, (int) predicted[i])).contains(1000 + i);
        }
        assertThat(report.accuracy()).isGreaterThan(0.6);
    }

    @Test
    void top_k_lists_the_most_probable_classes_first_with_probabilities_summing_to_one() {
        TrainingSettings settings = TinyTraining.settings(1);
        ComputationGraph network = TinyTraining.classifier(settings);
        var input = TinyTraining.clusters(1, 5).getFeatures();

        List<Evaluator.Prediction> top = Evaluator.topK(network, input, List.of("a", "b", "c"), 5);

        assertThat(top).hasSize(3);
        assertThat(top.get(0).probability()).isGreaterThanOrEqualTo(top.get(1).probability());
        assertThat(top.stream().mapToDouble(Evaluator.Prediction::probability).sum()).isCloseTo(1.0, within(1e-5));
        assertThat(top.get(0).classIndex()).isEqualTo(network.outputSingle(input).argMax(1).getInt(0));
    }
}
