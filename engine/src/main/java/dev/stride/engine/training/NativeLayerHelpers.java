package dev.stride.engine.training;

import java.lang.reflect.Field;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;

/**
 * An experiment kept switchable: DL4J 1.0.0-M2.1 never uses its oneDNN layer helpers on the CPU (helpers are off by
 * default, and the availability check looks for {@code org.nd4j.nativeblas.Nd4jCpu$Environment}, a class that moved),
 * so convolutions always run as Java-side im2col + gemm. With {@code -Dstride.nativeHelpers=true} the helpers are
 * installed anyway, sending convolution and pooling to libnd4j's own ops (oneDNN with the {@code -onednn} build).
 */
public final class NativeLayerHelpers {
    private NativeLayerHelpers() {
    }

    /** Installs the helpers when {@code stride.nativeHelpers} is true; returns how many layers got one. */
    public static int installIfEnabled(ComputationGraph graph) {
        if (!Boolean.getBoolean("stride.nativeHelpers")) {
            return 0;
        }
        int installed = 0;
        for (Layer layer : graph.getLayers()) {
            try {
                if (layer instanceof ConvolutionLayer && layer.getClass() == ConvolutionLayer.class) {
                    set(ConvolutionLayer.class, layer, new MKLDNNConvHelper(layer.getParam("W").dataType()));
                    installed++;
                } else if (layer instanceof SubsamplingLayer) {
                    set(SubsamplingLayer.class, layer, new MKLDNNSubsamplingHelper(
                            org.nd4j.linalg.api.buffer.DataType.FLOAT));
                    installed++;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                return installed;
            }
        }
        return installed;
    }

    private static void set(Class<?> owner, Object layer, Object helper) throws ReflectiveOperationException {
        Field field = owner.getDeclaredField("helper");
        field.setAccessible(true);
        field.set(layer, helper);
    }
}
