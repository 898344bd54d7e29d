package dev.stride.engine.data;

import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.data.vision.ImageDecodeException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Optional;

/**
 * A dataset of images read one at a time on demand, so the gallery and the training iterator can work with 60,000
 * examples without holding them decoded. Implementations are safe to read from several threads at once.
 */
public sealed interface ImageDataset extends Dataset permits ImageFolderDataset, IdxDataset, ShapesDataset {

    /**
     * Decodes example {@code index} at its own size and channel count.
     *
     * @throws ImageDecodeException when the file turns out to be unusable; it is then listed in {@link #skipped()}
     */
    ImageData read(int index) throws ImageDecodeException;

    /** A short name for example {@code index}: its path inside the dataset folder, or "train #17". */
    String name(int index);

    /** The file example {@code index} was read from, when it has one of its own. */
    default Optional<Path> file(int index) {
        return Optional.empty();
    }

    /** The size every example has, when the source guarantees one (IDX, shapes); empty for folders. */
    default Optional<ImageSize> uniformSize() {
        return Optional.empty();
    }

    default DatasetItem item(int index) {
        return new DatasetItem(index, label(index), name(index));
    }

    /** Every example, created as the list is read (no per-item objects up front). */
    default List<DatasetItem> items() {
        return new AbstractList<>() {
            @Override
            public DatasetItem get(int index) {
                return item(index);
            }

            @Override
            public int size() {
                return ImageDataset.this.size();
            }
        };
    }

    /** The examples of one class, in dataset order, created as the list is read. */
    default List<DatasetItem> itemsOfClass(int classIndex) {
        if (classIndex < 0 || classIndex >= classNames().size()) {
            throw new IndexOutOfBoundsException("class " + classIndex + " of " + classNames().size());
        }
        int[] indices = java.util.stream.IntStream.range(0, size()).filter(i -> label(i) == classIndex).toArray();
        return new AbstractList<>() {
            @Override
            public DatasetItem get(int position) {
                return item(indices[position]);
            }

            @Override
            public int size() {
                return indices.length;
            }
        };
    }
}
