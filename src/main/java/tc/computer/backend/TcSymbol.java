package tc.computer.backend;

/**
 * Where a global or one of main's variables can be read after the run.
 *
 * @param function null for globals, else "main"
 * @param register the register holding a scalar of main, or -1 when it lives in memory
 * @param address  the first memory word, when {@code register} is -1
 */
public record TcSymbol(String name, String function, int size, boolean array, int register, int address) {
    public boolean inRegister() { return register >= 0; }
}
