package dev.stride.engine.data;

/**
 * One example of a dataset as the gallery lists it.
 *
 * @param index position in the dataset (what {@link ImageDataset#read(int)} takes)
 * @param label class index into {@link Dataset#classNames()}
 * @param name  what to show: the file's path inside the dataset folder, or "train #17"
 */
public record DatasetItem(int index, int label, String name) {
}
