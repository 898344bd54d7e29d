package dev.stride.engine.explain;

/** Which layer the explainer is showing: the arithmetic of pooling is a convolution's with dilation 1. */
public enum LayerKind {
    CONVOLUTION("Conv2D"),
    TRANSPOSED_CONVOLUTION("Conv2DTranspose"),
    POOLING("Pooling2D");

    private final String kerasName;

    LayerKind(String kerasName) {
        this.kerasName = kerasName;
    }

    public String kerasName() {
        return kerasName;
    }
}
