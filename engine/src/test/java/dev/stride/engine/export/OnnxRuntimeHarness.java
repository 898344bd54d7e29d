package dev.stride.engine.export;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/** Runs an exported model in ONNX Runtime: one float input, one float output, flattened row-major. */
final class OnnxRuntimeHarness {
    private OnnxRuntimeHarness() {
    }

    /** The output values and shape (batch first) for one input batch. */
    record Result(long[] shape, float[] values) {
    }

    static Result run(byte[] model, float[] input, long... inputShape) throws OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = environment.createSession(model, options)) {
                String inputName = session.getInputNames().iterator().next();
                try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), inputShape);
                        OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
                    OnnxTensor output = (OnnxTensor) result.get(0);
                    FloatBuffer buffer = output.getFloatBuffer();
                    float[] values = new float[buffer.remaining()];
                    buffer.get(values);
                    return new Result(output.getInfo().getShape(), values);
                }
            }
        }
    }
}
