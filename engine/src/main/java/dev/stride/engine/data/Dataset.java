package dev.stride.engine.data;

import java.util.List;

/** A labelled dataset: its classes, the label of each example and what was left out. */
public sealed interface Dataset permits ImageDataset, TabularDataset {

    /** Where it came from, for messages: "image folder /home/ann/pets". */
    String description();

    /** Class names in label order. */
    List<String> classNames();

    /** Number of usable examples. */
    int size();

    /** The class index of example {@code index}. */
    int label(int index);

    /** Files, folders or lines left out, with reasons. */
    List<SkippedFile> skipped();

    /** All labels in example order. */
    default int[] labels() {
        int[] labels = new int[size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = label(i);
        }
        return labels;
    }

    default ClassBalance balance() {
        return ClassBalance.of(classNames(), labels());
    }
}
