package dev.stride.app.training;

import java.nio.file.Path;

/**
 * What to train on, as the dataset picker offers it.
 *
 * @param kind what sort of source
 * @param path the folder or file; null for built-in sources
 */
public record DatasetChoice(Kind kind, Path path) {

    /** The sources the picker offers. */
    public enum Kind {
        /** Four generated shapes, no files needed. */
        BUILT_IN_SHAPES,
        /** The project's own dataset block (e.g. a sample's digits). */
        PROJECT_DATASET,
        /** A folder with one sub-folder of images per class. */
        IMAGE_FOLDER,
        /** MNIST-style IDX image and label files. */
        IDX_FILES,
        /** A CSV file: a label column and pixel columns. */
        CSV_FILE
    }

    public static DatasetChoice builtInShapes() {
        return new DatasetChoice(Kind.BUILT_IN_SHAPES, null);
    }

    public boolean needsPath() {
        return kind == Kind.IMAGE_FOLDER || kind == Kind.IDX_FILES || kind == Kind.CSV_FILE;
    }
}
