package dev.stride.engine.export;

import dev.stride.engine.model.AveragePooling2DSpec;
import dev.stride.engine.model.Conv2DSpec;
import dev.stride.engine.model.Conv2DTransposeSpec;
import dev.stride.engine.model.Cropping2DSpec;
import dev.stride.engine.model.DataFormat;
import dev.stride.engine.model.DepthwiseConv2DSpec;
import dev.stride.engine.model.FlattenSpec;
import dev.stride.engine.model.GlobalAveragePooling2DSpec;
import dev.stride.engine.model.GlobalMaxPooling2DSpec;
import dev.stride.engine.model.LayerNode;
import dev.stride.engine.model.LayerSpec;
import dev.stride.engine.model.MaxPooling2DSpec;
import dev.stride.engine.model.Network;
import dev.stride.engine.model.SeparableConv2DSpec;
import dev.stride.engine.model.SpatialDropout2DSpec;
import dev.stride.engine.model.UpSampling2DSpec;
import dev.stride.engine.model.ZeroPadding2DSpec;
import java.util.Optional;

/** The image layout a whole network uses; exporters translate one layout per network, not a mix. */
public final class NetworkFormats {
    private NetworkFormats() {
    }

    /** The data format of a layer that has one. */
    static Optional<DataFormat> of(LayerSpec spec) {
        DataFormat format = null;
        if (spec instanceof Conv2DSpec s) {
            format = s.dataFormat();
        } else if (spec instanceof Conv2DTransposeSpec s) {
            format = s.dataFormat();
        } else if (spec instanceof SeparableConv2DSpec s) {
            format = s.dataFormat();
        } else if (spec instanceof DepthwiseConv2DSpec s) {
            format = s.dataFormat();
        } else if (spec instanceof MaxPooling2DSpec s) {
            format = s.dataFormat();
        } else if (spec instanceof AveragePooling2DSpec s) {
            format = s.dataFormat();
        } else if (spec instanceof GlobalMaxPooling2DSpec s) {
            format = s.dataFormat();
        } else if (spec instanceof GlobalAveragePooling2DSpec s) {
            format = s.dataFormat();
        } else if (spec instanceof ZeroPadding2DSpec s) {
            format = s.dataFormat();
        } else if (spec instanceof Cropping2DSpec s) {
            format = s.dataFormat();
        } else if (spec instanceof UpSampling2DSpec s) {
            format = s.dataFormat();
        } else if (spec instanceof SpatialDropout2DSpec s) {
            format = s.dataFormat();
        } else if (spec instanceof FlattenSpec s) {
            format = s.dataFormat();
        }
        return Optional.ofNullable(format);
    }

    /**
     * The network's data format: that of its spatial layers (channels_last when it has none). A Flatten's format
     * only counts when it follows an image, so it is ignored here unless nothing else decides.
     */
    public static DataFormat dataFormat(Network network) {
        DataFormat found = null;
        for (LayerNode node : network.nodes()) {
            if (node.spec() instanceof FlattenSpec) {
                continue;
            }
            Optional<DataFormat> format = of(node.spec());
            if (format.isPresent()) {
                if (found != null && found != format.get()) {
                    throw new UnsupportedLayerException("this", node.name(), "it uses " + format.get().kerasName()
                            + " while earlier layers use " + found.kerasName() + "; use one data format throughout");
                }
                found = format.get();
            }
        }
        return found == null ? DataFormat.CHANNELS_LAST : found;
    }
}
