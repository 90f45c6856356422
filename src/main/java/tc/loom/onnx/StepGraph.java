package tc.loom.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tc.loom.state.StateLayout;
import tc.loom.transformer.AttentionHead;
import tc.loom.transformer.Layer;
import tc.loom.transformer.LoomModel;
import tc.loom.transformer.SparseMatrix;
import tc.loom.transformer.ZoneBias;

/**
 * One step of the looped transformer (all layers of a {@link LoomModel}: one instruction) as a
 * standard ONNX graph, opset {@value #OPSET}, computed from the weight matrices, which it holds as
 * initializers (docs/onnx.md).
 *
 * <p>Input {@value #INPUT}: the d×n float32 state; output {@value #OUTPUT}, the state after the
 * step. Every number is computed as the dense engine computes it (docs/engines.md), in float32,
 * each sum from +0 in the engines' order, so the result is the sparse engine's bit for bit:
 * <ul>
 * <li>a product W·X by a sparse matrix is unrolled term by term, W's non-zero entries in ascending
 *     column order, each as Gather (the input rows), Mul (the weights) and Add: the same float32
 *     operations in the same order, with no fused multiply-add (rows with more terms come first,
 *     so each term step works on a prefix of the rows);</li>
 * <li>scores S[i,j] = Σ_r K·x_i[r]·Q·x_j[r] are outer products added in ascending r;</li>
 * <li>the top-2 rule is TopK (k = 2, which ranks equal scores by the lower index), a tie when
 *     the best two differ by less than {@value #TIE_GAP}, and sources whose key has no entry of
 *     magnitude at least {@value #ZERO_KEY} send nothing;</li>
 * <li>values reach their targets in a Loop over the sending columns in ascending order (from
 *     NonZero), one Add per sender: a MatMul would add a target's sources in an order of its own,
 *     and Loom's heads send up to m values to one column.</li>
 * </ul>
 */
public final class StepGraph {
    private StepGraph() {}

    public static final int OPSET = 13;
    /** ONNX IR version 8 (onnx 1.10–1.12): what Debian's python3-onnx 1.12 checks. */
    public static final int IR_VERSION = 8;
    public static final String INPUT = "state", OUTPUT = "next_state";
    /** The attention rule's constants, as the engines' {@code AttentionRule} has them. */
    public static final float TIE_GAP = 1.0f, ZERO_KEY = 1e-6f;
    /** The value of {@code tc.format} in the metadata. */
    public static final String FORMAT = "tc-loom-step/1";

    /** The graph of one step of {@code model} on states of {@code layout} (which names the metadata's rows). */
    public static ModelProto build(LoomModel model, StateLayout layout) {
        return build(model, layout.rows(), layout.columns(), StepMetadata.of(model, layout));
    }

    /**
     * The same for a model whose rows follow no named layout (a test's small model): d rows, the
     * metadata without the layout.
     */
    public static ModelProto build(LoomModel model, int d) {
        return build(model, d, model.config().n(), StepMetadata.bare(model, d));
    }

    private static ModelProto build(LoomModel model, int d, int n, Map<String, String> metadata) {
        if (!model.layers().isEmpty() && model.layers().get(0).w1().cols() != d)
            throw new IllegalArgumentException("the model has d = " + model.layers().get(0).w1().cols() + " rows, the layout " + d);
        if (n < 2) throw new IllegalArgumentException("top-2 attention needs n ≥ 2 columns, got " + n);
        Step step = new Step(new GraphBuilder(), d, n, model.config().s());
        String x = step.g.op("Add", INPUT, step.g.scalar(0f)); // −0 becomes +0, as the engines read it
        for (Layer layer : model.layers()) x = step.layer(layer, x);
        var graph = step.g.graph();
        graph.setName("tc_loom_step");
        graph.addNode(ai.onnx.proto.OnnxMl.NodeProto.newBuilder().setOpType("Identity").setName("out").addInput(x).addOutput(OUTPUT));
        graph.addInput(value(INPUT, d, n)).addOutput(value(OUTPUT, d, n));
        ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("tensor-computer")
                .setProducerVersion(FORMAT).setDocString("One instruction of the Loom machine: a looped-transformer step (" + model.profile()
                        + " weights), state in and state out. See tc's docs/onnx.md.")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).setGraph(graph);
        metadata.forEach((k, v) ->
                m.addMetadataProps(ai.onnx.proto.OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return m.build();
    }

    private static ValueInfoProto scalarInfo(String name, TensorProto.DataType type) {
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(TensorShapeProto.newBuilder()))).build();
    }

    private static ValueInfoProto value(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long dim : dims) shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape))).build();
    }

    /** The rows of a product W·X that have terms, in the order the graph holds them. */
    private record Block(String tensor, int[] rows) {}

    private static final class Step {
        final GraphBuilder g;
        final int d, n;
        final String zeroRow, zoneOfColumn, arange, zero, one, half, tieGap, zeroKey, k2;
        int loops;

        Step(GraphBuilder g, int d, int n, int s) {
            this.g = g;
            this.d = d;
            this.n = n;
            zeroRow = g.floats(new float[n], 1, n);
            long[] zones = new long[n], columns = new long[n];
            for (int j = 0; j < n; j++) {
                zones[j] = j == 0 ? 0 : j < s ? 1 : 2;
                columns[j] = j;
            }
            zoneOfColumn = g.longs(zones, n);
            arange = g.longs(columns, 1, n);
            zero = g.scalar(0f);
            one = g.scalar(1f);
            half = g.scalar(0.5f);
            tieGap = g.scalar(TIE_GAP);
            zeroKey = g.scalar(ZERO_KEY);
            k2 = g.longs(new long[] {2}, 1);
        }

        /** A = X + Σ heads, then Y = A + W2·ReLU(W1·A + b1) + b2, biases by column zone. */
        String layer(Layer layer, String x) {
            String att = null;
            for (AttentionHead head : layer.heads()) {
                if (head.k().nonZeros() == 0 || head.v().nonZeros() == 0) continue; // no source sends, or sends only zeros
                String out = head(head, x);
                att = att == null ? out : g.op("Add", att, out);
            }
            String a = att == null ? x : g.op("Add", x, att);
            String h = g.op("Relu", g.op("Add", full(product(layer.w1(), a), layer.w1().rows()), bias(layer.b1())));
            return g.op("Add", g.op("Add", a, full(product(layer.w2(), h), d)), bias(layer.b2()));
        }

        /** One argmax head's output, all d rows. */
        String head(AttentionHead head, String x) {
            Block k = product(head.k(), x), q = product(head.q(), x);
            // score rows: those where both K and Q have terms (elsewhere every score term is a zero)
            List<Integer> kPos = new ArrayList<>(), qPos = new ArrayList<>();
            for (int r = 0; r < head.q().rows(); r++) {
                int pk = indexOf(k.rows, r), pq = indexOf(q.rows, r);
                if (pk >= 0 && pq >= 0) {
                    kPos.add(pk);
                    qPos.add(pq);
                }
            }
            String scores;
            if (kPos.isEmpty()) {
                scores = g.op("Expand", zero, g.longs(new long[] {n, n}, 2));
            } else {
                String keys = g.op("Transpose", Map.of("perm", new long[] {1, 0}),
                        g.op("Gather", Map.of("axis", 0L), k.tensor, g.longs(kPos.stream().mapToInt(Integer::intValue).toArray(), kPos.size())));
                String queries = g.op("Gather", Map.of("axis", 0L), q.tensor, g.longs(qPos.stream().mapToInt(Integer::intValue).toArray(), qPos.size()));
                scores = null;
                for (int t = 0; t < kPos.size(); t++) {
                    String term = g.op("Mul", slice(keys, t, 1), slice(queries, t, 0)); // [n,1]·[1,n]: S[i,j] += k_i·q_j
                    scores = scores == null ? term : g.op("Add", scores, term);
                }
            }
            String[] top = g.opN("TopK", 2, Map.of("axis", 1L, "largest", 1L, "sorted", 1L), scores, k2);
            String tied = g.op("Less", g.op("Sub", slice(top[0], 0, 1), slice(top[0], 1, 1)), tieGap);
            String keyMax = g.op("ReduceMax", Map.of("axes", new long[] {0}, "keepdims", 0L), g.op("Abs", k.tensor));
            String active = g.op("Unsqueeze", g.op("GreaterOrEqual", keyMax, zeroKey), g.longs(new long[] {1}, 1));
            String firstShare = g.op("Where", active, g.op("Where", tied, half, one), zero);
            String secondShare = g.op("Where", g.op("And", active, tied), half, zero);
            String shares = g.op("Add", g.op("Mul", oneHot(slice(top[1], 0, 1)), firstShare), g.op("Mul", oneHot(slice(top[1], 1, 1)), secondShare));
            Block v = product(head.v(), x);
            // the sources that send a non-zero value, in ascending order (NonZero's order)
            String sends = g.op("Greater", g.op("ReduceMax", Map.of("axes", new long[] {0}, "keepdims", 0L), g.op("Abs", v.tensor)), zero);
            String senders = g.op("Squeeze", g.op("NonZero", g.op("And", sends, g.op("Squeeze", active, g.longs(new long[] {1}, 1)))),
                    g.longs(new long[] {0}, 1));
            return full(new Block(sendInOrder(v, senders, shares), v.rows), d);
        }

        /**
         * Σ over the senders, one at a time in ascending order, of (V·x_i) × (row i of the shares):
         * each target's sum from +0 with its sources in ascending order, as the engines add them
         * (a sender that does not reach a target adds a zero there, which changes no sum). A Loop,
         * since how many columns send is known only when the step runs.
         */
        private String sendInOrder(Block v, String senders, String shares) {
            int rows = v.rows.length;
            GraphBuilder body = new GraphBuilder(g, "loop" + (loops++) + "_");
            String iteration = body.prefixed("i"), condition = body.prefixed("cond"), sum = body.prefixed("sum");
            String source = body.op("Unsqueeze", body.op("Gather", Map.of("axis", 0L), senders, iteration), g.longs(new long[] {0}, 1));
            String term = body.op("Mul", body.op("Gather", Map.of("axis", 1L), v.tensor, source), body.op("Gather", Map.of("axis", 0L), shares, source));
            String next = body.op("Add", sum, term);
            String keepGoing = body.op("Identity", condition);
            var graph = body.graph().setName(body.prefixed("body"))
                    .addInput(scalarInfo(iteration, TensorProto.DataType.INT64)).addInput(scalarInfo(condition, TensorProto.DataType.BOOL))
                    .addInput(value(sum, rows, n))
                    .addOutput(scalarInfo(keepGoing, TensorProto.DataType.BOOL)).addOutput(value(next, rows, n)).build();
            String count = g.op("Size", senders);
            String start = g.op("Expand", zero, g.longs(new long[] {rows, n}, 2));
            return g.op("Loop", Map.of("body", graph), count, "", start);
        }

        /** [n,1] column indices → the [n,n] one-hot rows (1 at the index). */
        private String oneHot(String indices) {
            return g.op("Cast", Map.of("to", (long) TensorProto.DataType.FLOAT.getNumber()), g.op("Equal", indices, arange));
        }

        /** Slice {@code index} of {@code axis} (kept as a dimension of 1). */
        private String slice(String t, int index, int axis) {
            return g.op("Slice", t, g.longs(new long[] {index}, 1), g.longs(new long[] {index + 1}, 1), g.longs(new long[] {axis}, 1));
        }

        /** Rows [from, to) of a tensor. */
        private String rows(String t, int from, int to) {
            return g.op("Slice", t, g.longs(new long[] {from}, 1), g.longs(new long[] {to}, 1), g.longs(new long[] {0}, 1));
        }

        /**
         * W·X for the rows of W with terms, term by term in ascending column order from +0. Rows
         * are taken by descending number of terms, so term t touches a prefix; a row whose terms
         * are done is sliced off into a finished chunk.
         */
        Block product(SparseMatrix w, String x) {
            int[] rowIndex = w.rowIndex(), colIndex = w.colIndex();
            float[] values = w.values();
            int[] count = new int[w.rows()], start = new int[w.rows() + 1];
            for (int r : rowIndex) count[r]++;
            for (int r = 0; r < w.rows(); r++) start[r + 1] = start[r] + count[r];
            int[] order = java.util.stream.IntStream.range(0, w.rows()).filter(r -> count[r] > 0).boxed()
                    .sorted((a, b) -> count[b] != count[a] ? Integer.compare(count[b], count[a]) : Integer.compare(a, b))
                    .mapToInt(Integer::intValue).toArray();
            if (order.length == 0) return new Block(null, order);
            int terms = count[order[0]];
            String acc = null;
            List<String> finished = new ArrayList<>();
            for (int t = 0; t < terms; t++) {
                int active = 0;
                while (active < order.length && count[order[active]] > t) active++;
                long[] columns = new long[active];
                float[] weights = new float[active];
                for (int i = 0; i < active; i++) {
                    columns[i] = colIndex[start[order[i]] + t];
                    weights[i] = values[start[order[i]] + t];
                }
                if (acc != null) {
                    int before = activeRows(order, count, t - 1);
                    if (active < before) {
                        finished.add(rows(acc, active, before));
                        acc = rows(acc, 0, active);
                    }
                }
                String product = g.op("Mul", g.op("Gather", Map.of("axis", 0L), x, g.longs(columns, active)), g.floats(weights, active, 1));
                acc = g.op("Add", acc == null ? zero : acc, product);
            }
            if (finished.isEmpty()) return new Block(acc, order);
            List<String> parts = new ArrayList<>(List.of(acc));
            for (int i = finished.size() - 1; i >= 0; i--) parts.add(finished.get(i));
            return new Block(g.op("Concat", Map.of("axis", 0L), parts.toArray(String[]::new)), order);
        }

        private static int activeRows(int[] order, int[] count, int t) {
            int active = 0;
            while (active < order.length && count[order[active]] > t) active++;
            return active;
        }

        /** A block's rows back in place among {@code rows} rows, +0 in the rows without terms. */
        String full(Block b, int rows) {
            long[] where = new long[rows];
            Arrays.fill(where, b.rows.length);
            for (int i = 0; i < b.rows.length; i++) where[b.rows[i]] = i;
            String padded = b.tensor == null ? zeroRow : g.op("Concat", Map.of("axis", 0L), b.tensor, zeroRow);
            return g.op("Gather", Map.of("axis", 0L), padded, g.longs(where, rows));
        }

        /** The [rows, n] bias: each row's three zone values spread over the columns by zone. */
        String bias(ZoneBias b) {
            int rows = b.rows();
            float[] col0 = b.col0(), scratch = b.scratch(), rest = b.rest(), zones = new float[3 * rows];
            for (int r = 0; r < rows; r++) {
                zones[3 * r] = col0[r];
                zones[3 * r + 1] = scratch[r];
                zones[3 * r + 2] = rest[r];
            }
            return g.op("Gather", Map.of("axis", 1L), g.floats(zones, rows, 3), zoneOfColumn);
        }

        private static int indexOf(int[] a, int v) {
            for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
            return -1;
        }
    }
}
