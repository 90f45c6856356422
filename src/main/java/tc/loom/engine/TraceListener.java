package tc.loom.engine;

/** Observes execution one instruction at a time. */
@FunctionalInterface
public interface TraceListener {
    void onStep(TraceEvent event);
}
