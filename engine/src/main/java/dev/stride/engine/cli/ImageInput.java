package dev.stride.engine.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.engine.data.DatasetSpec;
import dev.stride.engine.data.ImageDataset;
import dev.stride.engine.data.PrefetchingImageIterator;
import dev.stride.engine.data.vision.AugmentationSettings;
import dev.stride.engine.data.vision.ImagePipeline;
import dev.stride.engine.data.vision.Preprocessing;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.TensorShape;

/** How the CLI turns a dataset into the network's NCHW input batches, and remembers it in model bundles. */
final class ImageInput {
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ImageInput() {
    }

    /** The network's input as (height, width, channels), whatever its data_format; null for a non-image input. */
    static int[] inputSize(Network network) {
        for (var node : network.nodes()) {
            if (node.spec() instanceof InputLayerSpec input && input.shape().rank() == 3) {
                TensorShape s = input.shape();
                boolean channelsFirst = s.dim(0) <= 4 && s.dim(2) > 4;
                return channelsFirst ? new int[] {s.dim(1), s.dim(2), s.dim(0)} : new int[] {s.dim(0), s.dim(1),
                        s.dim(2)};
            }
        }
        return null;
    }

    static Preprocessing preprocessing(DatasetSpec spec, int[] size) {
        return spec.preprocessingFor(size[1], size[0], size[2]);
    }

    static PrefetchingImageIterator batches(ImageDataset dataset, int[] indices, Preprocessing preprocessing,
                                            int batchSize, boolean shuffle, long seed) {
        ImagePipeline pipeline = new ImagePipeline(preprocessing, AugmentationSettings.NONE);
        if (shuffle) {
            return PrefetchingImageIterator.forTraining(dataset, indices, pipeline, batchSize, seed);
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        return new PrefetchingImageIterator(dataset, indices, pipeline, batchSize, false, seed, threads,
                Math.max(2, 2 * threads));
    }

    /** What a bundle stores to redo the preprocessing at prediction time. */
    static ObjectNode describe(Preprocessing preprocessing, DatasetSpec dataset) {
        ObjectNode node = JSON.valueToTree(preprocessing);
        node.put("layout", "NCHW");
        node.set("dataset", JSON.valueToTree(dataset));
        return node;
    }

    static Preprocessing preprocessingOf(ObjectNode stored) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectNode copy = stored.deepCopy();
        copy.remove("layout");
        copy.remove("dataset");
        return JSON.treeToValue(copy, Preprocessing.class);
    }

    static int[] range(int count) {
        int[] all = new int[count];
        for (int i = 0; i < count; i++) {
            all[i] = i;
        }
        return all;
    }
}
