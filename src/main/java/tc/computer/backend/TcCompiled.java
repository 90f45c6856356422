package tc.computer.backend;

import java.util.List;
import tc.computer.isa.TcProgram;

/**
 * A C program compiled for the Tensor Computer.
 *
 * @param program       code, machine sizes and the initial memory (the globals)
 * @param symbols       globals and main's (non-temporary) variables, for reading results
 * @param overflowSlot  the slot of the HALT that recursive prologues jump to when the stack would
 *                      reach the globals, or -1 when the program has no recursion (its stack is
 *                      then sized at compile time)
 * @param listing       a human-readable listing of the code (labels and slots)
 * @param debug         source lines and stack layout of every slot
 * @param machine       the machine it was compiled for (cpu, or seed with its devices and pager)
 * @param mainReturnSlot the startup HALT that main returns to
 */
public record TcCompiled(TcProgram program, List<TcSymbol> symbols, int overflowSlot, List<String> listing, TcDebugInfo debug,
                         TcBackend.Machine machine, int mainReturnSlot) {
    public TcCompiled {
        symbols = List.copyOf(symbols);
        listing = List.copyOf(listing);
    }
}
