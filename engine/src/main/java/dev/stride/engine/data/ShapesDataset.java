package dev.stride.engine.data;

import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.data.vision.Seeds;
import dev.stride.engine.data.vision.ShapeKind;
import dev.stride.engine.data.vision.ShapeRenderer;
import java.util.List;
import java.util.Optional;

/**
 * Generated pictures of shapes: example {@code i} is class {@code i mod classes}, drawn from a seed derived from the
 * dataset's seed and {@code i}, so the dataset is exactly balanced and the same on every machine.
 */
public final class ShapesDataset implements ImageDataset {
    /** The classes used when a project names none. */
    public static final List<ShapeKind> DEFAULT_SHAPES = List.of(ShapeKind.CIRCLE, ShapeKind.SQUARE,
            ShapeKind.TRIANGLE, ShapeKind.STAR);

    private final List<ShapeKind> shapes;
    private final int imagesPerClass;
    private final int imageSize;
    private final long seed;

    public ShapesDataset(List<ShapeKind> shapes, int imagesPerClass, int imageSize, long seed) {
        if (shapes.size() < 2) {
            throw new DatasetException("the shapes dataset needs at least two shapes, got " + shapes);
        }
        if (shapes.stream().distinct().count() != shapes.size()) {
            throw new DatasetException("each shape may appear once, got " + shapes);
        }
        if (imagesPerClass < 1 || (long) imagesPerClass * shapes.size() > 1_000_000) {
            throw new DatasetException("imagesPerClass must be between 1 and " + 1_000_000 / shapes.size()
                    + ", got " + imagesPerClass);
        }
        if (imageSize < 8 || imageSize > 1024) {
            throw new DatasetException("imageSize must be between 8 and 1024 pixels, got " + imageSize);
        }
        this.shapes = List.copyOf(shapes);
        this.imagesPerClass = imagesPerClass;
        this.imageSize = imageSize;
        this.seed = seed;
    }

    @Override
    public String description() {
        return "generated shapes (" + shapes.size() + " classes × " + imagesPerClass + ", " + imageSize + "×"
                + imageSize + ", seed " + seed + ")";
    }

    @Override
    public List<String> classNames() {
        return shapes.stream().map(ShapeKind::label).toList();
    }

    @Override
    public int size() {
        return shapes.size() * imagesPerClass;
    }

    @Override
    public int label(int index) {
        return index % shapes.size();
    }

    @Override
    public String name(int index) {
        return shapes.get(label(index)).label() + " #" + index / shapes.size();
    }

    @Override
    public Optional<ImageSize> uniformSize() {
        return Optional.of(new ImageSize(imageSize, imageSize, 3));
    }

    @Override
    public ImageData read(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("shape " + index + " of " + size());
        }
        return ShapeRenderer.render(shapes.get(label(index)), imageSize, Seeds.mix(seed, index));
    }

    @Override
    public List<SkippedFile> skipped() {
        return List.of();
    }
}
