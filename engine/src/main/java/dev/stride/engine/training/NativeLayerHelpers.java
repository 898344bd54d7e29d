package dev.stride.engine.training;

import java.lang.reflect.Field;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Puts back DL4J's oneDNN layer helpers, which 1.0.0-M2.1 never uses on the CPU: helper creation is off by default
 * ({@code org.eclipse.deeplearning4j.helpers.disable=true}) and the availability check looks for
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment}, a class that moved, so convolutions always run as Java-side
 * im2col + gemm. Installed, the helpers send convolution and pooling to libnd4j's ops: about 4× faster with the
 * {@code linux-x86_64-onednn} build of nd4j-native, but about 4× slower with the plain build (its generic conv2d),
 * so they are installed only when the oneDNN build is loaded ({@code -Dstride.nativeHelpers=true|false} overrides).
 * Two are Stride's own: {@link InputConvolutionHelper} for convolutions that read the network's input (no gradient
 * for the images) and {@link ChannelBatchNormHelper} (batch statistics along contiguous memory).
 */
public final class NativeLayerHelpers {
    private NativeLayerHelpers() {
    }

    /** True when nd4j-native's oneDNN build is the one loaded. */
    public static boolean oneDnnBuild() {
        String extension = System.getProperty("javacpp.platform.extension",
                System.getProperty("org.bytedeco.javacpp.platform.extension", ""));
        return extension.contains("onednn");
    }

    /** Installs the helpers where they help (see the class comment); returns how many layers got one. */
    public static int installIfEnabled(ComputationGraph graph) {
        String forced = System.getProperty("stride.nativeHelpers");
        boolean enabled = forced == null ? oneDnnBuild() : Boolean.parseBoolean(forced);
        return enabled ? install(graph) : 0;
    }

    /** Installs the helpers whatever build is loaded (tests compare them with DL4J's own layers). */
    static int install(ComputationGraph graph) {
        int installed = 0;
        var configuration = graph.getConfiguration();
        for (Layer layer : graph.getLayers()) {
            try {
                if (layer instanceof ConvolutionLayer convolution && layer.getClass() == ConvolutionLayer.class
                        && !dilated(convolution)
                        && convolution.layerConf().getCnn2dDataFormat() == CNN2DFormat.NCHW) {
                    DataType type = layer.getParam("W").dataType();
                    boolean readsNetworkInput = configuration.getNetworkInputs().containsAll(
                            configuration.getVertexInputs().get(layer.getConfig().getLayerName()));
                    set(ConvolutionLayer.class, layer, readsNetworkInput
                            ? new InputConvolutionHelper(type) : new MKLDNNConvHelper(type));
                    installed++;
                } else if (layer instanceof BatchNormalization batchNorm && !batchNorm.layerConf().isLockGammaBeta()) {
                    set(BatchNormalization.class, layer, new ChannelBatchNormHelper());
                    installed++;
                } else if (layer instanceof SubsamplingLayer) {
                    set(SubsamplingLayer.class, layer, new MKLDNNSubsamplingHelper(DataType.FLOAT));
                    installed++;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                return installed;
            }
        }
        return installed;
    }

    // Channels-last convolutions get no helper either: DL4J's MKLDNNConvHelper returns wrong weight and bias
    // gradients for NHWC (up to 3.5× the true values on a 12×12 test network), so the app's channels_last
    // designs trained visibly worse than `stride train` (which compiles NCHW) until this check.

    /** libnd4j's oneDNN convolutions reject dilation ("could not create a descriptor"): DL4J's own code runs those. */
    private static boolean dilated(ConvolutionLayer layer) {
        int[] dilation = layer.layerConf().getDilation();
        return dilation[0] != 1 || dilation[1] != 1;
    }

    private static void set(Class<?> owner, Object layer, Object helper) throws ReflectiveOperationException {
        Field field = owner.getDeclaredField("helper");
        field.setAccessible(true);
        field.set(layer, helper);
    }
}
