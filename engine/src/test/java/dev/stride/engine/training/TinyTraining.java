package dev.stride.engine.training;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Tiny networks and data for training tests: seconds per test class. */
final class TinyTraining {
    static final int FEATURES = 8;
    static final int CLASSES = 3;

    private TinyTraining() {
    }

    /** A small dense classifier built directly in DL4J (the compiler has its own tests). */
    static ComputationGraph classifier(TrainingSettings settings) {
        return built(withHiddenLayer(settings)
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build(), "hidden"));
    }

    /** The same classifier ending, as Keras's Dense(3) + Activation('softmax') compiles, in a separate loss layer. */
    static ComputationGraph classifierWithSeparateSoftmax(TrainingSettings settings) {
        return built(withHiddenLayer(settings)
                .addLayer("scores", new DenseLayer.Builder().nOut(CLASSES).activation(Activation.IDENTITY).build(),
                        "hidden")
                .addLayer("out", new org.deeplearning4j.nn.conf.layers.LossLayer.Builder(
                        LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build(), "scores"));
    }

    private static ComputationGraphConfiguration.GraphBuilder withHiddenLayer(TrainingSettings settings) {
        return new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .updater(Dl4jTrainingMapping.updater(settings))
                .weightInit(WeightInit.XAVIER)
                .dataType(DataType.FLOAT)
                .graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.feedForward(FEATURES))
                .addLayer("hidden", new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build(), "in");
    }

    private static ComputationGraph built(ComputationGraphConfiguration.GraphBuilder builder) {
        ComputationGraph graph = new ComputationGraph(builder.setOutputs("out").build());
        graph.init();
        return graph;
    }

    /** Three noisy clusters: learnable, so the loss falls. */
    static DataSet clusters(int examples, long seed) {
        var random = new java.util.Random(seed);
        float[][] features = new float[examples][FEATURES];
        float[][] labels = new float[examples][CLASSES];
        for (int i = 0; i < examples; i++) {
            int label = i % CLASSES;
            for (int f = 0; f < FEATURES; f++) {
                features[i][f] = (float) ((f % CLASSES == label ? 1.5 : 0.0) + random.nextGaussian() * 0.7);
            }
            labels[i][label] = 1f;
        }
        INDArray x = Nd4j.create(features);
        INDArray y = Nd4j.create(labels);
        return new DataSet(x, y);
    }

    static TrainingSettings settings(int epochs) {
        return TrainingSettings.defaults().withEpochs(epochs).withBatchSize(16).withLearningRate(0.01);
    }

    /** Data in a fixed order (no shuffling), so two runs see identical batches. */
    static TrainingData unshuffled(DataSet train, DataSet validation, int batch) {
        return new TrainingData(new InMemoryDataSetIterator(train, batch, false, 0),
                validation == null ? null : new InMemoryDataSetIterator(validation, batch, false, 0));
    }
}
