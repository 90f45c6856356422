package tc.loom.backend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tc.ir.Instr;
import tc.ir.IrFunction;
import tc.ir.IrProgram;
import tc.source.CompileException;
import tc.source.SourcePos;

/**
 * Who calls whom: the functions reachable from {@code main} (the only ones compiled), how many call
 * sites each has (which decides how its {@code return} finds its way back) and the strongly
 * connected components, which tell which calls are recursive and need the stack.
 */
final class CallGraph {
    private final List<IrFunction> reachable;
    private final Map<String, Integer> callSites = new HashMap<>();
    private final Map<String, Integer> component = new HashMap<>();
    private final Set<String> cyclic = new LinkedHashSet<>();

    private CallGraph(List<IrFunction> reachable) { this.reachable = reachable; }

    /** Builds the graph; a call of an unknown function or a missing main is a compile error. */
    static CallGraph of(IrProgram program) {
        Map<String, IrFunction> byName = new LinkedHashMap<>();
        for (IrFunction f : program.functions()) byName.putIfAbsent(f.name(), f);
        IrFunction main = byName.get("main");
        if (main == null) throw new CompileException(program.source(), SourcePos.NONE, "no main function");

        Set<String> seen = new LinkedHashSet<>();
        Deque<IrFunction> work = new ArrayDeque<>();
        seen.add("main");
        work.add(main);
        while (!work.isEmpty()) {
            IrFunction f = work.poll();
            for (Instr i : f.body()) {
                if (!(i instanceof Instr.Call c)) continue;
                IrFunction g = byName.get(c.callee());
                if (g == null)
                    throw new CompileException(program.source(), f.pos(), "call of undefined function '" + c.callee() + "'");
                if (seen.add(g.name())) work.add(g);
            }
        }
        // main first (it is instruction 0), then the others in program order
        List<IrFunction> ordered = new ArrayList<>();
        ordered.add(main);
        for (IrFunction f : byName.values()) if (f != main && seen.contains(f.name())) ordered.add(f);

        CallGraph graph = new CallGraph(List.copyOf(ordered));
        for (IrFunction f : ordered)
            for (Instr i : f.body())
                if (i instanceof Instr.Call c) graph.callSites.merge(c.callee(), 1, Integer::sum);
        graph.findComponents();
        return graph;
    }

    /** Reachable functions, main first. */
    List<IrFunction> functions() { return reachable; }

    /** Number of calls of {@code function} in reachable code. */
    int callSites(String function) { return callSites.getOrDefault(function, 0); }

    /** True when a call from {@code caller} to {@code callee} may re-enter {@code caller} before it returns. */
    boolean isRecursiveCall(String caller, String callee) {
        return component.get(caller).equals(component.get(callee)) && cyclic.contains(caller);
    }

    /**
     * Whether {@code function} needs a cell telling its {@code return} where to go back: when it has
     * several call sites, or for main when it is also called (site 0 then means "halt").
     */
    boolean needsSiteCell(String function) {
        return function.equals("main") ? callSites(function) > 0 : callSites(function) > 1;
    }

    /** True when {@code function} lies on a call cycle: its cells are saved and restored around the calls that re-enter it. */
    boolean isRecursive(String function) { return cyclic.contains(function); }

    /** True when some call cycle is reachable from main, so the program needs a call stack. */
    boolean hasRecursion() { return !cyclic.isEmpty(); }

    /** Tarjan's algorithm, iterative so deep call chains cannot overflow the Java stack. */
    private void findComponents() {
        Map<String, List<String>> edges = new HashMap<>();
        for (IrFunction f : reachable) {
            List<String> out = new ArrayList<>();
            for (Instr i : f.body()) if (i instanceof Instr.Call c && !out.contains(c.callee())) out.add(c.callee());
            edges.put(f.name(), out);
        }
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new LinkedHashSet<>();
        int[] counter = {0};
        int components = 0;
        for (IrFunction root : reachable) {
            if (index.containsKey(root.name())) continue;
            Deque<Object[]> frames = new ArrayDeque<>(); // {name, next edge position}
            frames.push(new Object[] {root.name(), 0});
            index.put(root.name(), counter[0]);
            low.put(root.name(), counter[0]++);
            stack.push(root.name());
            onStack.add(root.name());
            while (!frames.isEmpty()) {
                Object[] frame = frames.peek();
                String v = (String) frame[0];
                List<String> out = edges.get(v);
                int k = (Integer) frame[1];
                if (k < out.size()) {
                    frame[1] = k + 1;
                    String w = out.get(k);
                    if (!index.containsKey(w)) {
                        index.put(w, counter[0]);
                        low.put(w, counter[0]++);
                        stack.push(w);
                        onStack.add(w);
                        frames.push(new Object[] {w, 0});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                frames.pop();
                if (!frames.isEmpty()) {
                    String parent = (String) frames.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<String> members = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.put(w, components);
                        members.add(w);
                    } while (!w.equals(v));
                    if (members.size() > 1 || edges.get(v).contains(v)) cyclic.addAll(members);
                    components++;
                }
            }
        }
    }
}
