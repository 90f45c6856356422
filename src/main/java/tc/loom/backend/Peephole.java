package tc.loom.backend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tc.loom.backend.Asm.Item;
import tc.loom.backend.Asm.Mark;
import tc.loom.backend.Asm.Op;
import tc.loom.isa.Opcode;

/**
 * Local clean-ups the selectors leave to be done once: {@code MOV x, x}, jumps to the next
 * instruction, jumps to jumps, and instructions after a JMP or HALT that no label reaches.
 */
final class Peephole {
    private Peephole() {}

    static List<Item> optimize(List<Item> code) {
        List<Item> items = new ArrayList<>();
        for (Item it : code) if (!(it instanceof Op op && op.op() == Opcode.MOV && op.b().equals(op.c()))) items.add(it);
        boolean changed = true;
        while (changed) {
            changed = threadJumps(items);
            changed |= dropUnreachable(items);
            changed |= dropJumpsToNext(items);
        }
        return items;
    }

    /** A jump to a label whose instruction is {@code JMP L2} goes to L2 directly. */
    private static boolean threadJumps(List<Item> items) {
        Map<String, Op> at = new HashMap<>();
        List<String> open = new ArrayList<>();
        for (Item it : items) {
            if (it instanceof Mark m) open.add(m.label());
            else {
                for (String l : open) at.put(l, (Op) it);
                open.clear();
            }
        }
        boolean changed = false;
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Op op) || op.target() == null) continue;
            String target = op.target();
            Set<String> seen = new HashSet<>();
            while (seen.add(target)) {
                Op there = at.get(target);
                if (there == null || there.op() != Opcode.JMP) break;
                target = there.target();
            }
            if (!target.equals(op.target())) {
                items.set(i, op.withTarget(target));
                changed = true;
            }
        }
        return changed;
    }

    /** Code after a JMP or HALT is dead up to the next label some jump targets (calls jump too). */
    private static boolean dropUnreachable(List<Item> items) {
        Set<String> targeted = new HashSet<>();
        for (Item it : items) if (it instanceof Op op && op.target() != null) targeted.add(op.target());
        boolean changed = false;
        boolean dead = false;
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (it instanceof Mark m) dead &= !targeted.contains(m.label());
            else if (dead) {
                items.remove(i--);
                changed = true;
            } else if (((Op) it).isUnconditionalTransfer()) dead = true;
        }
        return changed;
    }

    private static boolean dropJumpsToNext(List<Item> items) {
        boolean changed = false;
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Op op) || op.op() != Opcode.JMP) continue;
            for (int k = i + 1; k < items.size() && items.get(k) instanceof Mark m; k++) {
                if (m.label().equals(op.target())) {
                    items.remove(i--);
                    changed = true;
                    break;
                }
            }
        }
        return changed;
    }
}
