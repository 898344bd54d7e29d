package dev.stride.engine.dl4j;

import dev.stride.engine.export.KerasWeightShapes;
import dev.stride.engine.export.NetworkWeights;
import dev.stride.engine.export.WeightTensor;
import dev.stride.engine.keras.KerasJsonException;
import dev.stride.engine.keras.KerasModel;
import dev.stride.engine.keras.KerasModelReader;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.ShapeInference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Imports a Keras HDF5 model ({@code model.save("model.h5")}): the architecture from its {@code model_config}
 * attribute through Stride's own Keras JSON reader (so unsupported layers are named the way the JSON import names
 * them), and the weights from {@code model_weights/<layer>/…} into {@link NetworkWeights}. Only DL4J's HDF5 reader
 * ({@link Hdf5Archive}) is used, not DL4J's Keras model import, which gets Dropout and L2 wrong.
 */
public final class KerasHdf5Importer {
    private KerasHdf5Importer() {
    }

    /** A Keras model read from HDF5: its name, the design and its trained weights. */
    public record ImportedModel(String name, KerasModel model, NetworkWeights weights) {
    }

    /** Why a file could not be imported, in one line naming the file and the problem. */
    public static final class ImportException extends Exception {
        private static final long serialVersionUID = 1L;

        public ImportException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static ImportedModel read(Path file) throws ImportException {
        if (!Files.isRegularFile(file)) {
            throw new ImportException("cannot read " + file + ": no such file", null);
        }
        try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
            if (!archive.hasAttribute("model_config")) {
                throw new ImportException(file + " holds no model_config: it is a weights-only file; save the whole"
                        + " model with model.save(\"model.h5\")", null);
            }
            KerasModel model = KerasModelReader.readModel(archive.readAttributeAsJson("model_config"));
            NetworkAnalysis analysis = ShapeInference.analyze(model.network());
            List<String> root = archive.getGroups().contains("model_weights") ? List.of("model_weights") : List.of();
            Map<String, Map<String, WeightTensor>> layers = new LinkedHashMap<>();
            for (LayerNode node : model.network().nodes()) {
                List<String> path = new ArrayList<>(root);
                path.add(node.name());
                if (!archive.getGroups(root.toArray(String[]::new)).contains(node.name())) {
                    continue;
                }
                Map<String, WeightTensor> found = new LinkedHashMap<>();
                collect(archive, path, found);
                if (!found.isEmpty()) {
                    layers.put(node.name(), byKerasName(found, KerasWeightShapes.of(model.network(), analysis)
                            .getOrDefault(node.name(), Map.of()).keySet()));
                }
            }
            return new ImportedModel(model.name(), model, new NetworkWeights(layers));
        } catch (KerasJsonException e) {
            throw new ImportException(file + ": " + e.getMessage(), e);
        } catch (UnsupportedKerasConfigurationException | RuntimeException e) {
            throw new ImportException("cannot read " + file + " as a Keras HDF5 model: " + e.getMessage(), e);
        }
    }

    /** Every dataset below {@code path}, keyed by its last name without TensorFlow's ":0". */
    private static void collect(Hdf5Archive archive, List<String> path, Map<String, WeightTensor> found)
            throws UnsupportedKerasConfigurationException {
        String[] groups = path.toArray(String[]::new);
        for (String dataset : archive.getDataSets(groups)) {
            INDArray array = archive.readDataSet(dataset, groups);
            found.put(dataset.replaceFirst(":\\d+$", ""), tensor(array));
        }
        for (String group : archive.getGroups(groups)) {
            List<String> deeper = new ArrayList<>(path);
            deeper.add(group);
            collect(archive, deeper, found);
        }
    }

    /** Keras 3's legacy files may name weights by position ("0", "1", …): map those in Keras's weight order. */
    private static Map<String, WeightTensor> byKerasName(Map<String, WeightTensor> found,
            java.util.Set<String> expected) {
        if (found.keySet().stream().allMatch(name -> name.matches("\\d+")) && found.size() == expected.size()) {
            Map<String, WeightTensor> named = new LinkedHashMap<>();
            List<String> names = new ArrayList<>(expected);
            List<String> positions = found.keySet().stream().sorted((a, b) -> Integer.compare(Integer.parseInt(a),
                    Integer.parseInt(b))).toList();
            for (int i = 0; i < names.size(); i++) {
                named.put(names.get(i), found.get(positions.get(i)));
            }
            return named;
        }
        return found;
    }

    private static WeightTensor tensor(INDArray array) {
        INDArray contiguous = array.dup('c').castTo(DataType.FLOAT);
        int[] shape = Arrays.stream(contiguous.shape()).mapToInt(Math::toIntExact).toArray();
        float[] values = contiguous.length() == 0 ? new float[0] : contiguous.data().asFloat();
        if (shape.length == 0) {
            return new WeightTensor(new int[] {1}, values);
        }
        return new WeightTensor(shape, values);
    }
}
