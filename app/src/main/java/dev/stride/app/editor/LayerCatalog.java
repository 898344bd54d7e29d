package dev.stride.app.editor;

import dev.stride.engine.model.Activation;
import dev.stride.engine.model.ActivationSpec;
import dev.stride.engine.model.AddSpec;
import dev.stride.engine.model.AveragePooling2DSpec;
import dev.stride.engine.model.BatchNormalizationSpec;
import dev.stride.engine.model.ConcatenateSpec;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.Conv2DTransposeSpec;
import dev.stride.engine.model.Cropping2DSpec;
import dev.stride.engine.model.DenseSpec;
import dev.stride.engine.model.DepthwiseConv2DSpec;
import dev.stride.engine.model.DropoutSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.GlobalAveragePooling2DSpec;
import dev.stride.engine.model.GlobalMaxPooling2DSpec;
import dev.stride.engine.model.InputLayerSpec;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.Margins;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.ReshapeSpec;
import dev.stride.engine.model.SeparableConv2DSpec;
import dev.stride.engine.model.Size2D;
import dev.stride.engine.model.SpatialDropout2DSpec;
import dev.stride.engine.model.UpSampling2DSpec;
import dev.stride.engine.model.ZeroPadding2DSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/** What the palette offers: each entry's group, icon and the layer a drop creates (starting values a student expects). */
public final class LayerCatalog {
    /** One palette entry: an id for drag-and-drop, the label shown, its icon and a fresh spec. */
    public record Entry(String id, String label, Ikon icon, Supplier<LayerSpec> create) {
    }

    /** A palette group: its message key and entries. */
    public record Group(String key, Ikon icon, List<Entry> entries) {
    }

    public static final List<Group> GROUPS = List.of(
            new Group("palette.input", MaterialDesignI.IMAGE_OUTLINE, List.of(
                    entry("InputLayer", MaterialDesignI.IMAGE_OUTLINE, () -> InputLayerSpec.image(28, 28, 1)))),
            new Group("palette.convolution", MaterialDesignG.GRID, List.of(
                    entry("Conv2D", MaterialDesignG.GRID,
                            () -> Conv2DSpec.of(32, 3).withActivation(Activation.RELU)),
                    entry("Conv2DTranspose", MaterialDesignA.ARROW_EXPAND_ALL,
                            () -> Conv2DTransposeSpec.of(32, Size2D.square(3), Size2D.square(2))),
                    entry("SeparableConv2D", MaterialDesignV.VIEW_GRID_OUTLINE,
                            () -> SeparableConv2DSpec.of(32, Size2D.square(3))),
                    entry("DepthwiseConv2D", MaterialDesignL.LAYERS_OUTLINE,
                            () -> DepthwiseConv2DSpec.of(Size2D.square(3))))),
            new Group("palette.pooling", MaterialDesignA.ARROW_COLLAPSE_ALL, List.of(
                    entry("MaxPooling2D", MaterialDesignA.ARROW_COLLAPSE_ALL, MaxPooling2DSpec::of),
                    entry("AveragePooling2D", MaterialDesignA.ARROW_COLLAPSE, AveragePooling2DSpec::of),
                    entry("GlobalMaxPooling2D", MaterialDesignC.CHECKBOX_BLANK_OUTLINE, GlobalMaxPooling2DSpec::of),
                    entry("GlobalAveragePooling2D", MaterialDesignC.CHECKBOX_BLANK,
                            GlobalAveragePooling2DSpec::of))),
            new Group("palette.normalization", MaterialDesignT.TUNE, List.of(
                    entry("BatchNormalization", MaterialDesignT.TUNE, BatchNormalizationSpec::of),
                    entry("Dropout", MaterialDesignD.DOTS_GRID, () -> DropoutSpec.of(0.25)),
                    entry("SpatialDropout2D", MaterialDesignD.DOTS_SQUARE, () -> SpatialDropout2DSpec.of(0.2)))),
            new Group("palette.core", MaterialDesignC.CIRCLE_MULTIPLE_OUTLINE, List.of(
                    entry("Dense", MaterialDesignC.CIRCLE_MULTIPLE_OUTLINE,
                            () -> DenseSpec.of(64, Activation.RELU)),
                    entry("Activation", MaterialDesignF.FUNCTION_VARIANT,
                            () -> ActivationSpec.of(Activation.RELU)),
                    entry("Flatten", MaterialDesignF.FORMAT_ALIGN_JUSTIFY, FlattenSpec::of),
                    entry("Reshape", MaterialDesignS.SHAPE_OUTLINE, () -> ReshapeSpec.of(-1)),
                    entry("ZeroPadding2D", MaterialDesignB.BORDER_OUTSIDE,
                            () -> ZeroPadding2DSpec.of(Margins.uniform(1))),
                    entry("Cropping2D", MaterialDesignC.CROP, () -> Cropping2DSpec.of(Margins.uniform(1))),
                    entry("UpSampling2D", MaterialDesignA.ARROW_EXPAND, () -> UpSampling2DSpec.of(Size2D.square(2))))),
            new Group("palette.merge", MaterialDesignS.SOURCE_MERGE, List.of(
                    entry("Add", MaterialDesignP.PLUS_CIRCLE_OUTLINE, AddSpec::new),
                    entry("Concatenate", MaterialDesignS.SOURCE_MERGE, ConcatenateSpec::of))),
            new Group("palette.output", MaterialDesignF.FLAG_CHECKERED, List.of(
                    new Entry("DenseSoftmax", "Dense · softmax", MaterialDesignF.FLAG_CHECKERED,
                            () -> DenseSpec.of(10, Activation.SOFTMAX)),
                    new Entry("DenseSigmoid", "Dense · sigmoid", MaterialDesignF.FLAG_OUTLINE,
                            () -> DenseSpec.of(1, Activation.SIGMOID)))));

    private LayerCatalog() {
    }

    private static Entry entry(String kerasName, Ikon icon, Supplier<LayerSpec> create) {
        return new Entry(kerasName, kerasName, icon, create);
    }

    public static Optional<Entry> find(String id) {
        return GROUPS.stream().flatMap(g -> g.entries().stream()).filter(e -> e.id().equals(id)).findFirst();
    }

    /** The icon of a layer kind on the canvas, by its Keras class name. */
    public static Ikon iconOf(LayerSpec spec) {
        return find(spec.kerasClassName()).map(Entry::icon).orElse(MaterialDesignL.LAYERS);
    }
}
