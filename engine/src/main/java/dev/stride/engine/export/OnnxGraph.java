package dev.stride.engine.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An ONNX graph under construction (nodes, initializers, one float input and output) and its serialisation as an
 * ONNX {@code ModelProto} at opset 13, written field by field with {@link ProtobufWriter}.
 */
final class OnnxGraph {
    static final int OPSET = 13;
    /** IR version 7 is the one that introduced opset 13. */
    static final int IR_VERSION = 7;

    private static final int TYPE_FLOAT = 1;
    private static final int TYPE_INT64 = 7;
    private static final int ATTR_FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_STRING = 3;
    private static final int ATTR_FLOATS = 6;
    private static final int ATTR_INTS = 7;

    private final List<ProtobufWriter> nodes = new ArrayList<>();
    private final List<ProtobufWriter> initializers = new ArrayList<>();
    private final List<ProtobufWriter> inputs = new ArrayList<>();
    private final List<ProtobufWriter> outputs = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private int counter;

    /** A tensor name not used yet, derived from {@code base}. */
    String fresh(String base) {
        String candidate = base;
        while (!names.add(candidate)) {
            candidate = base + "_" + (++counter);
        }
        return candidate;
    }

    /** Declares a graph input of float type; a dimension of −1 becomes the symbolic batch size {@code N}. */
    void input(String name, long... dims) {
        names.add(name);
        inputs.add(valueInfo(name, dims));
    }

    void output(String name, long... dims) {
        outputs.add(valueInfo(name, dims));
    }

    /** Adds a float initializer and returns its name. */
    String initializer(String name, WeightTensor tensor) {
        String unique = fresh(name);
        ByteBuffer buffer = ByteBuffer.allocate(tensor.values().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : tensor.values()) {
            buffer.putFloat(value);
        }
        ProtobufWriter proto = new ProtobufWriter();
        for (int dim : tensor.shape()) {
            proto.varint(1, dim);
        }
        proto.varint(2, TYPE_FLOAT).string(8, unique).bytes(9, buffer.array());
        initializers.add(proto);
        return unique;
    }

    /** Adds an int64 initializer (shapes, pads, axes) and returns its name. */
    String int64Initializer(String name, long... values) {
        String unique = fresh(name);
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : values) {
            buffer.putLong(value);
        }
        ProtobufWriter proto = new ProtobufWriter().varint(1, values.length).varint(2, TYPE_INT64)
                .string(8, unique).bytes(9, buffer.array());
        initializers.add(proto);
        return unique;
    }

    /** Adds a float vector initializer (Resize scales) and returns its name. */
    String floatInitializer(String name, float... values) {
        return initializer(name, new WeightTensor(new int[] {values.length}, values));
    }

    /** Adds a float scalar initializer (Clip bounds, constants) and returns its name. */
    String floatScalar(String name, float value) {
        return initializer(name, new WeightTensor(new int[0], new float[] {value}));
    }

    /** Starts a node; its output tensor gets a fresh name derived from {@code outputBase}. */
    Node node(String opType, String outputBase, String... inputNames) {
        return new Node(opType, fresh(outputBase), inputNames);
    }

    /** The serialised ModelProto. */
    byte[] toModel(String graphName, String producerVersion, String docString) {
        ProtobufWriter graph = new ProtobufWriter();
        nodes.forEach(node -> graph.message(1, node));
        graph.string(2, graphName);
        initializers.forEach(init -> graph.message(5, init));
        if (docString != null) {
            graph.string(10, docString);
        }
        inputs.forEach(in -> graph.message(11, in));
        outputs.forEach(out -> graph.message(12, out));
        return new ProtobufWriter()
                .varint(1, IR_VERSION)
                .string(2, "Stride")
                .string(3, producerVersion)
                .message(7, graph)
                .message(8, new ProtobufWriter().string(1, "").varint(2, OPSET))
                .toByteArray();
    }

    private static ProtobufWriter valueInfo(String name, long... dims) {
        ProtobufWriter shape = new ProtobufWriter();
        for (long dim : dims) {
            shape.message(1, dim < 0 ? new ProtobufWriter().string(2, "N") : new ProtobufWriter().varint(1, dim));
        }
        ProtobufWriter tensorType = new ProtobufWriter().varint(1, TYPE_FLOAT).message(2, shape);
        return new ProtobufWriter().string(1, name).message(2, new ProtobufWriter().message(1, tensorType));
    }

    /** One NodeProto being filled in; {@link #add()} appends it to the graph and returns its output name. */
    final class Node {
        private final ProtobufWriter proto = new ProtobufWriter();
        private final ProtobufWriter attributes = new ProtobufWriter();
        private final String opType;
        private final String output;

        private Node(String opType, String output, String... inputNames) {
            this.opType = opType;
            this.output = output;
            for (String input : inputNames) {
                proto.string(1, input);
            }
        }

        Node attr(String name, long value) {
            attributes.message(5, new ProtobufWriter().string(1, name).varint(3, value).varint(20, ATTR_INT));
            return this;
        }

        Node attr(String name, float value) {
            attributes.message(5, new ProtobufWriter().string(1, name).float32(2, value).varint(20, ATTR_FLOAT));
            return this;
        }

        Node attr(String name, String value) {
            attributes.message(5, new ProtobufWriter().string(1, name).string(4, value).varint(20, ATTR_STRING));
            return this;
        }

        Node attrInts(String name, long... values) {
            ProtobufWriter attribute = new ProtobufWriter().string(1, name);
            for (long value : values) {
                attribute.varint(8, value);
            }
            attributes.message(5, attribute.varint(20, ATTR_INTS));
            return this;
        }

        Node attrFloats(String name, float... values) {
            ProtobufWriter attribute = new ProtobufWriter().string(1, name);
            for (float value : values) {
                attribute.float32(7, value);
            }
            attributes.message(5, attribute.varint(20, ATTR_FLOATS));
            return this;
        }

        String add() {
            ProtobufWriter complete = new ProtobufWriter();
            complete.bytesRaw(proto.toByteArray());
            complete.string(2, output).string(3, output).string(4, opType);
            complete.bytesRaw(attributes.toByteArray());
            nodes.add(complete);
            return output;
        }
    }
}
