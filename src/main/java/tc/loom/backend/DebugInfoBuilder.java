package tc.loom.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tc.ir.Word;
import tc.loom.isa.DebugInfo;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Symbol;

/** Symbols, source lines and labels of a compiled program. */
final class DebugInfoBuilder {
    private DebugInfoBuilder() {}

    static DebugInfo build(String sourceName, MemoryLayout layout, Assembler.Assembled code, MachineConfig config) {
        List<Symbol> symbols = new ArrayList<>();
        int bits = layout.bits();
        symbols.add(new Symbol("0", null, MemoryLayout.ZERO, 1, Symbol.Kind.CONSTANT));
        symbols.add(new Symbol("1", null, MemoryLayout.ONE, 1, Symbol.Kind.CONSTANT));
        symbols.add(new Symbol(Integer.toString(Word.min(bits)), null, MemoryLayout.SIGN, 1, Symbol.Kind.CONSTANT));
        symbols.add(new Symbol("SP", null, MemoryLayout.SP, 1, Symbol.Kind.RESERVED));
        symbols.add(new Symbol("RV", null, MemoryLayout.RV, 1, Symbol.Kind.RESERVED));
        symbols.add(new Symbol("__scratch", null, MemoryLayout.SCRATCH_A, 2, Symbol.Kind.RESERVED));
        symbols.add(new Symbol("__retval", null, MemoryLayout.RETVAL, 1, Symbol.Kind.RESERVED));
        symbols.add(new Symbol("__output", null, MemoryLayout.OUTPUT, 1, Symbol.Kind.RESERVED));

        // a block-scoped variable that reuses a name in the same function gets name@line
        Set<String> taken = new HashSet<>();
        for (MemoryLayout.Region r : layout.regions()) {
            String name = r.name();
            if (!taken.add(r.function() + "\0" + name)) {
                String[] candidates = {name + "@" + r.pos().line(), name + "@" + r.pos(),
                        name + "@" + (r.var() == null ? r.index() : r.var().id())};
                for (String c : candidates) if (taken.add(r.function() + "\0" + c)) { name = c; break; }
            }
            symbols.add(new Symbol(name, r.function(), r.index(), r.size(), r.kind()));
        }
        for (var c : layout.constants().entrySet())
            symbols.add(new Symbol(Integer.toString(c.getKey()), null, c.getValue(), 1, Symbol.Kind.CONSTANT));
        int stackBase = layout.stackBase();
        if (stackBase >= 0 && stackBase < config.m())
            symbols.add(new Symbol("__stack", null, stackBase, config.m() - stackBase, Symbol.Kind.STACK));
        symbols.sort(Comparator.comparingInt(Symbol::index));

        Map<String, Integer> labels = new LinkedHashMap<>();
        for (var l : code.labels().entrySet()) if (!Emitter.isInternal(l.getKey())) labels.put(l.getKey(), l.getValue());
        return new DebugInfo(sourceName, List.copyOf(symbols), code.lines(), java.util.Collections.unmodifiableMap(labels), MemoryLayout.RETVAL,
                MemoryLayout.OUTPUT, stackBase, stackBase >= 0 ? config.m() : -1);
    }
}
