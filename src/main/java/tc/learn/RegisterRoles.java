package tc.learn;

import java.util.List;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;

/**
 * Two static checks the sketch search applies before it spends an episode on a program.
 *
 * <ul>
 *   <li><b>Roles.</b> In an array task r0 is a pointer and r1 a count; every other value is data
 *       (a scratch register never written holds 0, which fits any role). A program is skipped when
 *       it loads or stores through something that is not a pointer, stores something that is not
 *       data, compares values of different roles, or mixes a pointer into data arithmetic.
 *       Pointer + count, pointer − pointer and count arithmetic keep their roles. Scalar tasks
 *       have only data, so nothing is skipped there.</li>
 *   <li><b>Scratch names.</b> Scratch registers are interchangeable, so of the programs that
 *       differ only by renaming them the search runs one: the one whose scratch registers appear,
 *       instruction by instruction, in increasing order from the first.</li>
 * </ul>
 * One forward pass in program order; a loop body is seen once, which is enough because the roles
 * a template gives its registers do not change from one iteration to the next.
 */
final class RegisterRoles {
    private RegisterRoles() {}

    private enum Role { ZERO, DATA, POINTER, COUNT }

    /** The number of input registers of the task (r0 … r(k−1)). */
    static int inputs(Task task) { return task.train().get(0).registers().length; }

    static boolean consistent(List<TcInstruction> code, Task task) {
        Role[] role = new Role[16];
        java.util.Arrays.fill(role, Role.ZERO);
        int inputs = inputs(task);
        for (int r = 0; r < inputs; r++) role[r] = Role.DATA;
        if (task.usesMemory()) {
            role[0] = Role.POINTER;
            role[1] = Role.COUNT;
        }
        for (TcInstruction i : code) {
            Role a = role[i.rs1()], b = role[i.rs2()];
            switch (i.op()) {
                case MOV -> role[i.rd()] = a;
                case LI -> role[i.rd()] = Role.DATA;
                case ADDI -> role[i.rd()] = a == Role.ZERO ? Role.DATA : a;
                case LOAD -> {
                    if (a != Role.POINTER) return false;
                    role[i.rd()] = Role.DATA;
                }
                case STORE -> { if (a != Role.POINTER || b != Role.DATA) return false; }
                case CMP -> { if (a != b && a != Role.ZERO && b != Role.ZERO) return false; }
                case ADD -> {
                    Role r = add(a, b);
                    if (r == null) return false;
                    role[i.rd()] = r;
                }
                case SUB -> {
                    Role r = sub(a, b);
                    if (r == null) return false;
                    role[i.rd()] = r;
                }
                default -> {
                    if (!i.op().shape().rd) break; // jumps, HALT
                    if (a == Role.POINTER || (i.op().shape().rs2 && b == Role.POINTER)) return false;
                    role[i.rd()] = a == Role.COUNT ? Role.COUNT : Role.DATA;
                }
            }
        }
        return true;
    }

    private static Role add(Role a, Role b) {
        if (a == Role.ZERO) return b == Role.ZERO ? Role.DATA : b;
        if (b == Role.ZERO || a == b && a != Role.POINTER) return a;
        if (a == Role.POINTER && b == Role.COUNT || a == Role.COUNT && b == Role.POINTER) return Role.POINTER;
        return null;
    }

    private static Role sub(Role a, Role b) {
        if (b == Role.ZERO) return a == Role.ZERO ? Role.DATA : a;
        if (a == Role.ZERO) return b == Role.POINTER ? null : b;
        if (a == Role.POINTER && b == Role.POINTER) return Role.COUNT;
        if (a == Role.POINTER && b == Role.COUNT) return Role.POINTER;
        if (a == b) return a;
        return null;
    }

    /** Whether the scratch registers are named in order of first appearance (within one instruction, in any order). */
    static boolean canonicalScratch(List<TcInstruction> code, Task task) {
        int inputs = inputs(task), next = inputs;
        boolean[] seen = new boolean[16];
        for (TcInstruction i : code) {
            var s = i.op().shape();
            int fresh = 0;
            int[] fields = {s.rd ? i.rd() : -1, s.rs1 ? i.rs1() : -1, s.rs2 ? i.rs2() : -1};
            for (int r : fields) if (r >= inputs && !seen[r] && (fresh >> r & 1) == 0) fresh |= 1 << r;
            int count = Integer.bitCount(fresh);
            if (count == 0) continue;
            if (fresh != ((1 << count) - 1) << next) return false;
            for (int r = next; r < next + count; r++) seen[r] = true;
            next += count;
        }
        return true;
    }

    /** Whether the program has a STORE. */
    static boolean stores(List<TcInstruction> code) { return code.stream().anyMatch(i -> i.op() == TcOp.STORE); }
}
