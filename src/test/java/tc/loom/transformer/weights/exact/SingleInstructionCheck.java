package tc.loom.transformer.weights.exact;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tc.loom.engine.PassKind;
import tc.loom.isa.DebugInfo;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;
import tc.loom.transformer.LoomModel;
import tc.loom.verify.LockstepVerifier;
import tc.loom.verify.Verification;

/**
 * The exact profile's single-instruction check: many one-instruction tests packed into straight-line
 * programs (each test on its own memory cells, so tests cannot disturb each other), run in
 * lockstep with the ideal interpreter, which compares PC and every memory cell after every step.
 *
 * <p>Branches get a filler instruction after them and a target past it, so a taken and an untaken
 * branch leave different PCs. A test that must fault (a pointer ≥ m) ends its program.
 */
final class SingleInstructionCheck {
    final MachineConfig config;
    final LoomModel model;
    final PassKind kind;
    private final int filler; // cell the filler instruction increments
    long instructionsChecked;
    long pairsChecked;
    final List<String> failures = new ArrayList<>();

    SingleInstructionCheck(MachineConfig config, LoomModel model, PassKind kind) {
        this.config = config;
        this.model = model;
        this.kind = kind;
        this.filler = config.m() - 1;
    }

    int col(int cell) { return config.memoryStart() + cell; }

    /** Two-operand tests: pair k uses cells 2k (b) and 2k+1 (c); values from {@code pairs} as (x, y). */
    void pairs(Opcode op, List<int[]> pairs) {
        int perProgram = (config.m() - 1) / 2;
        for (int from = 0; from < pairs.size(); from += perProgram) {
            List<int[]> batch = pairs.subList(from, Math.min(pairs.size(), from + perProgram));
            int[] memory = new int[config.m()];
            List<Instruction> code = new ArrayList<>();
            for (int k = 0; k < batch.size(); k++) {
                memory[2 * k] = batch.get(k)[0];
                memory[2 * k + 1] = batch.get(k)[1];
                int b = col(2 * k), c = col(2 * k + 1);
                switch (op.operands()) {
                    case B -> code.add(Instruction.of(op, b, 0));
                    case B_C -> code.add(Instruction.of(op, b, c));
                    case JUMP, B_JUMP, A_B_JUMP -> {
                        int target = config.programStart() + code.size() + 2;
                        code.add(op == Opcode.SUBLEQ ? Instruction.subleq(k % 2 == 0 ? c : b, k % 2 == 0 ? b : c, target)
                                : Instruction.of(op, op == Opcode.JMP ? 0 : b, target));
                        code.add(Instruction.of(Opcode.INC, col(filler), 0));
                    }
                    case NONE -> throw new IllegalArgumentException(op + " has no operands");
                }
            }
            code.add(Instruction.of(Opcode.HALT, 0, 0));
            run(op + " pairs from #" + from, memory, code);
        }
    }

    /** LOAD, STORE or FIND through cell c holding each pointer in {@code pointers}; random cells elsewhere. */
    void pointers(Opcode op, int[] pointers, SplittableRandom random) {
        int perProgram = 24;
        List<Integer> valid = new ArrayList<>(), faulting = new ArrayList<>();
        for (int p : pointers) (Integer.compareUnsigned(p & ((1 << config.wordBits()) - 1), config.m()) < 0 ? valid : faulting).add(p);
        int programs = Math.max(faulting.size(), (valid.size() + perProgram - 1) / perProgram);
        int next = 0;
        for (int g = 0; g < programs; g++) {
            int[] memory = randomMemory(random, op == Opcode.FIND ? 6 : 1 << config.wordBits());
            List<Instruction> code = new ArrayList<>();
            // Pointer cells live at the top of memory so the targets (anywhere) rarely overlap them.
            int pointerCell = config.m() - 2;
            for (int k = 0; k < perProgram && next < valid.size(); k++, next++) {
                int cell = pointerCell - k;
                memory[cell] = op == Opcode.FIND ? memory[cell] : wrap(valid.get(next));
                code.add(Instruction.of(op, col(random.nextInt(config.m() - 1)), col(cell)));
            }
            if (g < faulting.size()) {
                int cell = pointerCell - perProgram;
                memory[cell] = wrap(faulting.get(g));
                code.add(Instruction.of(op, col(random.nextInt(config.m() - 1)), col(cell)));
            }
            code.add(Instruction.of(Opcode.HALT, 0, 0));
            run(op + " pointers, program " + g, memory, code);
        }
    }

    /** Straight-line programs of random instructions of {@code op} over random memory. */
    void randomPrograms(Opcode op, int programs, int length, int valueRange, SplittableRandom random) {
        for (int g = 0; g < programs; g++) {
            int[] memory = randomMemory(random, valueRange);
            List<Instruction> code = new ArrayList<>();
            for (int k = 0; k < length; k++)
                code.add(Instruction.of(op, col(random.nextInt(config.m())), col(random.nextInt(config.m()))));
            code.add(Instruction.of(Opcode.HALT, 0, 0));
            run(op + " random program " + g, memory, code);
        }
    }

    /** One program: HALT with arbitrary fields must stop. */
    void halt(int b, int c) {
        run("HALT " + b + " " + c, new int[config.m()], List.of(new Instruction(0, b, c)));
    }

    void run(String what, int[] memory, List<Instruction> code) {
        Program program = new Program(config, memory, code, DebugInfo.minimal(what, code.size()));
        Verification v = LockstepVerifier.run(program, kind.create(model), code.size() + 1);
        instructionsChecked += v.steps();
        if (!v.verified()) failures.add(what + ": " + v.status() + " at step " + v.steps() + ": " + v.divergence());
    }

    int[] randomMemory(SplittableRandom random, int range) {
        int[] memory = new int[config.m()];
        for (int i = 0; i < memory.length; i++) memory[i] = wrap(random.nextInt(range) - (range == 1 << config.wordBits() ? range / 2 : 0));
        return memory;
    }

    int wrap(int v) { return tc.ir.Word.wrap(v, config.wordBits()); }
}
