package tc.loom.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc.loom.backend.Asm.Cell;
import tc.loom.backend.Asm.Const;
import tc.loom.backend.Asm.Item;
import tc.loom.backend.Asm.Mark;
import tc.loom.backend.Asm.Op;
import tc.loom.backend.Asm.Ref;
import tc.loom.backend.Asm.Target;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;

/**
 * Label resolution and encoding (REFERENCE.md §3.1): memory operands become absolute columns
 * {@code s + index}, jump targets {@code s + m + k}, unused fields 0.
 */
final class Assembler {
    private Assembler() {}

    /**
     * @param instructions encoded code
     * @param lines        source line per instruction
     * @param labels       every label → index of the instruction it marks
     */
    record Assembled(List<Instruction> instructions, int[] lines, Map<String, Integer> labels) {}

    /** Label → instruction index, for a listing. */
    static Map<String, Integer> labelIndices(List<Item> items) {
        Map<String, Integer> labels = new LinkedHashMap<>();
        int k = 0;
        for (Item it : items) {
            if (it instanceof Mark m) labels.put(m.label(), k);
            else k++;
        }
        return labels;
    }

    static int instructionCount(List<Item> items) {
        int k = 0;
        for (Item it : items) if (it instanceof Op) k++;
        return k;
    }

    static Assembled assemble(List<Item> items, MemoryLayout layout, MachineConfig config) {
        Map<String, Integer> labels = labelIndices(items);
        List<Instruction> code = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (Item it : items) {
            if (!(it instanceof Op op)) continue;
            code.add(new Instruction(op.op().number(), field(op.b(), layout, labels, config), field(op.c(), layout, labels, config)));
            lines.add(op.line());
        }
        int[] lineArray = lines.stream().mapToInt(Integer::intValue).toArray();
        return new Assembled(code, lineArray, labels);
    }

    private static int field(Ref ref, MemoryLayout layout, Map<String, Integer> labels, MachineConfig config) {
        return switch (ref) {
            case null -> 0;
            case Cell c -> config.memoryStart() + c.index();
            case Const k -> config.memoryStart() + layout.constCell(k.value());
            case Target t -> {
                Integer k = labels.get(t.label());
                if (k == null) throw new IllegalStateException("jump to undefined label " + t.label());
                yield config.programStart() + k;
            }
        };
    }
}
