package tc.loom.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import tc.loom.onnx.StepGraph;
import tc.loom.state.StateLayout;
import tc.loom.transformer.LoomModel;

/**
 * The {@code onnx} engine's pass: the model exported as one ONNX graph ({@link StepGraph}) and
 * run by ONNX Runtime, one {@code session.run} per instruction. The graph does the dense engine's
 * float32 operations in the dense order, so the state after each step is sparse's bit for bit
 * (docs/onnx.md). The session runs the graph as written: graph optimisations off, so that no
 * fusion (a multiply-add, say) changes a rounding.
 *
 * <p>One session per model, built at first use and kept for the JVM's life (models are few: a
 * profile per machine shape); sessions are thread-safe, a pass is not.
 */
public final class OnnxPass implements ForwardPass {
    private static final Map<LoomModel, OrtSession> SESSIONS = Collections.synchronizedMap(new WeakHashMap<>());

    private final LoomModel model;
    private final ModelShape shape;
    private final OrtSession session;

    public OnnxPass(LoomModel model) {
        this.model = model;
        this.shape = ModelShape.of(model);
        this.session = session(model, shape);
    }

    @Override public LoomModel model() { return model; }

    @Override public void step(float[] x) {
        shape.checkArray(x);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {shape.d(), shape.n()});
                OrtSession.Result out = session.run(Map.of(StepGraph.INPUT, in))) {
            ((OnnxTensor) out.get(StepGraph.OUTPUT).orElseThrow()).getFloatBuffer().get(x);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a step: " + e.getMessage(), e);
        }
    }

    private static OrtSession session(LoomModel model, ModelShape shape) {
        synchronized (SESSIONS) {
            OrtSession s = SESSIONS.get(model);
            if (s != null) return s;
            // the graph's metadata names rows by the layout; the exact profile's has its extra rows
            var layout = model.profile().equals("exact") ? StateLayout.exact(model.config()) : StateLayout.of(model.config());
            if (layout.rows() != shape.d()) layout = null;
            byte[] bytes = (layout != null ? StepGraph.build(model, layout) : StepGraph.build(model, shape.d())).toByteArray();
            try {
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
                options.setIntraOpNumThreads(Integer.getInteger("tc.onnx.threads", 1));
                s = OrtEnvironment.getEnvironment().createSession(bytes, options);
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime refused the step graph: " + e.getMessage(), e);
            }
            SESSIONS.put(model, s);
            return s;
        }
    }
}
