package tc.loom.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * A thin layer over the ONNX protobuf classes: nodes with fresh output names, and constant
 * tensors as initializers, deduplicated by content so that the many scalars and index lists
 * a step uses are stored once.
 */
final class GraphBuilder {
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Map<String, String> constants;
    /** Where constants go: this graph, or for a subgraph, the outer one (subgraphs read outer names). */
    private final GraphBuilder outer;
    private final String prefix;
    private int next;

    GraphBuilder() {
        this.outer = null;
        this.prefix = "";
        this.constants = new HashMap<>();
    }

    /** A subgraph (a Loop's body): its own nodes, named with {@code prefix}, and the outer graph's constants. */
    GraphBuilder(GraphBuilder outer, String prefix) {
        this.outer = outer;
        this.prefix = prefix;
        this.constants = null;
    }

    GraphProto.Builder graph() { return graph; }

    /** A name in this graph's namespace (a subgraph's formal inputs). */
    String prefixed(String name) { return prefix + name; }

    /** Adds a node of operator {@code op} reading {@code inputs}; returns the name of its one output. */
    String op(String op, String... inputs) { return op(op, Map.of(), inputs); }

    /** The same with attributes (ints, floats or int lists). */
    String op(String op, Map<String, Object> attributes, String... inputs) {
        return opN(op, 1, attributes, inputs)[0];
    }

    /** A node with {@code outputs} outputs; returns their names. */
    String[] opN(String op, int outputs, Map<String, Object> attributes, String... inputs) {
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(prefix + op + "_" + next);
        for (String in : inputs) node.addInput(in);
        String[] names = new String[outputs];
        for (int i = 0; i < outputs; i++) {
            names[i] = prefix + "t" + next + (outputs > 1 ? "_" + i : "");
            node.addOutput(names[i]);
        }
        next++;
        attributes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> node.addAttribute(attribute(e.getKey(), e.getValue())));
        graph.addNode(node);
        return names;
    }

    private static AttributeProto attribute(String name, Object value) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
        switch (value) {
            case Integer i -> a.setType(AttributeProto.AttributeType.INT).setI(i);
            case Long l -> a.setType(AttributeProto.AttributeType.INT).setI(l);
            case Float f -> a.setType(AttributeProto.AttributeType.FLOAT).setF(f);
            case GraphProto body -> a.setType(AttributeProto.AttributeType.GRAPH).setG(body);
            case long[] list -> {
                a.setType(AttributeProto.AttributeType.INTS);
                for (long v : list) a.addInts(v);
            }
            default -> throw new IllegalArgumentException("attribute type " + value.getClass());
        }
        return a.build();
    }

    /** A float32 constant of the given shape (row-major values). */
    String floats(float[] values, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putFloat(v);
        return constant(TensorProto.DataType.FLOAT, b.array(), dims);
    }

    /** An int64 constant of the given shape. */
    String longs(long[] values, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) b.putLong(v);
        return constant(TensorProto.DataType.INT64, b.array(), dims);
    }

    String longs(int[] values, long... dims) {
        long[] l = new long[values.length];
        for (int i = 0; i < values.length; i++) l[i] = values[i];
        return longs(l, dims);
    }

    /** A float32 scalar (shape []). */
    String scalar(float v) { return floats(new float[] {v}); }

    private String constant(TensorProto.DataType type, byte[] raw, long... dims) {
        if (outer != null) return outer.constant(type, raw, dims);
        StringBuilder key = new StringBuilder(type.name());
        for (long d : dims) key.append(',').append(d);
        key.append(':').append(java.util.HexFormat.of().formatHex(raw.length <= 64 ? raw : sha256(raw)));
        return constants.computeIfAbsent(key.toString(), k -> {
            String name = "c" + constants.size();
            TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber()).setRawData(ByteString.copyFrom(raw));
            for (long d : dims) t.addDims(d);
            graph.addInitializer(t);
            return name;
        });
    }

    private static byte[] sha256(byte[] raw) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
