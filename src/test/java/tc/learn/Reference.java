package tc.learn;

import java.util.ArrayList;
import java.util.List;
import tc.computer.interp.TcMachine;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcProgram;

/** Test helpers: an instruction builder and an independent check of a program on task cases. */
final class Reference {
    private Reference() {}

    static TcInstruction i(TcOp op, int rd, int rs1, int rs2, int imm) { return new TcInstruction(op, rd, rs1, rs2, imm); }

    /**
     * The cases of {@code cases} the program gets fully right, run here on TcMachine directly (not
     * through the learner's scorer), so a scorer bug cannot hide a wrong program.
     */
    static int passed(List<TcInstruction> code, Task task, List<TaskCase> cases) {
        int ok = 0;
        for (TaskCase c : cases) {
            TcMachine m = new TcMachine(new TcProgram(code, task.spec(), new int[0]));
            int[] regs = c.registers();
            for (int r = 0; r < regs.length; r++) m.withRegister(r, regs[r]);
            int[] mem = c.memory();
            for (int a = 0; a < mem.length; a++) m.withMemory(a, mem[a]);
            m.run(task.stepLimit());
            boolean all = m.halted();
            for (TaskCase.Expect e : c.expected()) {
                int got = switch (e.where()) {
                    case TaskCase.Location.Register r -> m.register(r.r());
                    case TaskCase.Location.Memory a -> m.memory(a.address());
                };
                all &= got == e.value();
            }
            if (all) ok++;
        }
        return ok;
    }

    static List<TcInstruction> code(TcInstruction... is) { return new ArrayList<>(List.of(is)); }
}
