package dev.stride.engine.training;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.MemoryUseMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A compiled network with its data split for one run: what a UI needs to start a {@link TrainingSession}, show its
 * progress in batches, estimate its memory, and inspect the trained network afterwards, without touching DL4J.
 */
public final class PreparedRun implements AutoCloseable {
    private final ComputationGraph network;
    private final TrainingSettings settings;
    private final TrainingData data;
    private final DataSet evaluationSet;
    private final List<String> labels;
    private final InputGeometry geometry;
    private final String datasetDescription;
    private final int trainingExamples;
    private final boolean evaluatesOnTrainingData;
    private final ModelInspector.ImagePreprocessor preprocessor;
    private final boolean channelsLast;

    private PreparedRun(ComputationGraph network, TrainingSettings settings, TrainingData data, DataSet evaluationSet,
                        int trainingExamples, boolean evaluatesOnTrainingData, List<String> labels,
                        InputGeometry geometry, String datasetDescription,
                        ModelInspector.ImagePreprocessor preprocessor, boolean channelsLast) {
        this.network = network;
        this.channelsLast = channelsLast;
        this.evaluatesOnTrainingData = evaluatesOnTrainingData;
        this.preprocessor = preprocessor;
        this.settings = settings;
        this.data = data;
        this.evaluationSet = evaluationSet;
        this.trainingExamples = trainingExamples;
        this.labels = List.copyOf(labels);
        this.geometry = geometry;
        this.datasetDescription = datasetDescription;
    }

    /**
     * Splits in-memory examples as Keras's validation_split does; the validation part is also the evaluation set
     * (without a split, the network is evaluated on its training data, and {@link #evaluatesOnTrainingData()} says
     * so).
     */
    public static PreparedRun inMemory(ComputationGraph network, TrainingSettings settings, DataSet all,
                                       List<String> labels, InputGeometry geometry, String datasetDescription) {
        Objects.requireNonNull(network, "network");
        TrainingData data = TrainingData.split(all, settings.validationSplit(), settings.batchSize(), settings.seed());
        int total = all.numExamples();
        int validation = data.validation() == null ? 0
                : Math.max(1, (int) Math.floor(total * settings.validationSplit()));
        DataSet evaluation = validation == 0 ? all
                : new DataSet(all.getFeatures().get(NDArrayIndex.interval(total - validation, total)).dup(),
                        all.getLabels().get(NDArrayIndex.interval(total - validation, total)).dup());
        return new PreparedRun(network, settings, data, evaluation, total - validation, validation == 0, labels,
                geometry, datasetDescription, null, false);
    }

    /**
     * A run over any batches: {@code evaluation} is the held-out set kept in memory for the confusion matrix and the
     * image galleries (features channels first); {@code preprocessor} turns a picture file into input the way the
     * training data were made; {@code channelsLast} says the network takes NHWC input.
     */
    public static PreparedRun of(ComputationGraph network, TrainingSettings settings, TrainingData data,
                                 DataSet evaluation, int trainingExamples, boolean evaluatesOnTrainingData,
                                 List<String> labels, InputGeometry geometry, String datasetDescription,
                                 ModelInspector.ImagePreprocessor preprocessor, boolean channelsLast) {
        return new PreparedRun(Objects.requireNonNull(network, "network"), settings, data, evaluation,
                trainingExamples, evaluatesOnTrainingData, labels, geometry, datasetDescription, preprocessor,
                channelsLast);
    }

    /** Stops the data's background workers (the prefetching iterator's decoding threads); the inspector still works. */
    @Override
    public void close() {
        for (Object iterator : new Object[] {data.train(), data.validation()}) {
            if (iterator instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Closing only releases threads; a failure here leaves nothing for the user to do.
                }
            }
        }
    }

    public TrainingSession session() {
        return TrainingSession.create(network, settings, data);
    }

    public TrainingSettings settings() {
        return settings;
    }

    public ModelInspector inspector() {
        return new ModelInspector(network, evaluationSet, labels, geometry, preprocessor, channelsLast);
    }

    public int batchesPerEpoch() {
        return (trainingExamples + settings.batchSize() - 1) / settings.batchSize();
    }

    public int trainingExamples() {
        return trainingExamples;
    }

    public int evaluationExamples() {
        return evaluationSet.numExamples();
    }

    public boolean evaluatesOnTrainingData() {
        return evaluatesOnTrainingData;
    }

    public List<String> labels() {
        return labels;
    }

    public InputGeometry geometry() {
        return geometry;
    }

    public String datasetDescription() {
        return datasetDescription;
    }

    /** DL4J's estimate of training memory (parameters, updater state, activations, gradients) for a batch size. */
    public OptionalLong memoryEstimateBytes(int batchSize) {
        return estimateBytes(network, geometry, batchSize);
    }

    /** The same estimate for any compiled network. */
    public static OptionalLong estimateBytes(ComputationGraph network, InputGeometry geometry, int batchSize) {
        try {
            var report = network.getConfiguration().getMemoryReport(
                    InputType.convolutional(geometry.height(), geometry.width(), geometry.channels()));
            return OptionalLong.of(report.getTotalMemoryBytes(batchSize, MemoryUseMode.TRAINING, CacheMode.NONE,
                    DataType.FLOAT));
        } catch (RuntimeException e) {
            // Some vertex types have no memory report in DL4J; no estimate beats a wrong one.
            return OptionalLong.empty();
        }
    }
}
