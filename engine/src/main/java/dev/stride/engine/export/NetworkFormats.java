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
final class NetworkFormats {
    private NetworkFormats() {
    }

    /** The data format of a layer that has one. */
    static Optional<DataFormat> of(LayerSpec spec) {
        return Optional.ofNullable(switch (spec) {
            case Conv2DSpec s -> s.dataFormat();
            case Conv2DTransposeSpec s -> s.dataFormat();
            case SeparableConv2DSpec s -> s.dataFormat();
            case DepthwiseConv2DSpec s -> s.dataFormat();
            case MaxPooling2DSpec s -> s.dataFormat();
            case AveragePooling2DSpec s -> s.dataFormat();
            case GlobalMaxPooling2DSpec s -> s.dataFormat();
            case GlobalAveragePooling2DSpec s -> s.dataFormat();
            case ZeroPadding2DSpec s -> s.dataFormat();
            case Cropping2DSpec s -> s.dataFormat();
            case UpSampling2DSpec s -> s.dataFormat();
            case SpatialDropout2DSpec s -> s.dataFormat();
            case FlattenSpec s -> s.dataFormat();
            default -> null;
        });
    }

    /**
     * The network's data format: that of its spatial layers (channels_last when it has none). A Flatten's format
     * only counts when it follows an image, so it is ignored here unless nothing else decides.
     */
    static DataFormat dataFormat(Network network) {
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
