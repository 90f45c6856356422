package tc.web;

import java.util.LinkedHashMap;
import java.util.Map;
import tc.loom.engine.Engine;
import tc.loom.engine.RunOptions;
import tc.loom.engine.RunResult;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;

/**
 * Snake played with the keyboard: {@code snake-play.c} makes one move per run. Between runs the
 * game lives in the program's memory: each move starts the program again from the memory the last
 * run left, with the pressed key written to its {@code key} cell, and runs it to HALT on the
 * engine (a transformer: the move is computed by its weights).
 */
final class SnakeGame {
    private final DemoCatalog.Demo demo;
    private final Program program;
    private final Engine engine;
    private final Symbol key;
    private int[] memory;
    private long steps, moves;
    private int retval;

    SnakeGame(DemoCatalog demos, Engine engine) {
        demo = demos.get("snake-play");
        program = demos.compiled(demo).program();
        this.engine = engine;
        key = DemoRunner.symbol(program, "key");
        memory = program.memory();
        run(0); // the first run sets the board up
    }

    /** One move with {@code direction} (1 right, −1 left, 8 down, −8 up, 0 straight on). */
    void move(int direction) {
        if (direction != 0 && direction != 1 && direction != -1 && direction != 8 && direction != -8)
            throw WebError.badRequest("a Snake key is 1 (right), -1 (left), 8 (down), -8 (up) or 0 (straight on), got " + direction);
        run(direction);
        moves++;
    }

    private void run(int direction) {
        int[] start = memory.clone();
        start[key.index()] = direction;
        Program p = new Program(program.config(), start, program.instructions(), program.debug());
        RunResult r = engine.run(p, RunOptions.defaults().withMaxSteps(100_000));
        if (!r.halted()) throw new IllegalStateException("snake-play did not halt: " + r.status());
        memory = r.memory();
        steps += r.steps();
        retval = r.cell(program.debug().retvalIndex());
    }

    Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", engine.name());
        m.put("moves", moves);
        m.put("steps", steps);
        m.put("eaten", memory[DemoRunner.symbol(program, "eaten").index()]);
        m.put("over", memory[DemoRunner.symbol(program, "over").index()] != 0);
        m.put("retval", retval);
        m.put("views", DemoRunner.frames(demo, program, memory, java.util.List.of()));
        return m;
    }
}
