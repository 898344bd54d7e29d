package dev.stride.engine.data;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a dataset's examples come from; the stable names are what project files store. */
public enum DatasetType {
    /** MNIST-format IDX files, gzipped or not. */
    @JsonProperty("idx") IDX,
    /** A folder with one subfolder of images per class. */
    @JsonProperty("image-folder") IMAGE_FOLDER,
    /** A CSV table of numeric features and a label column. */
    @JsonProperty("csv") CSV,
    /** Shapes drawn on the fly from a seed. */
    @JsonProperty("shapes") SHAPES,
    /** The bundled handwritten digits (IDX files; samples/digits by default). */
    @JsonProperty("digits") DIGITS
}
