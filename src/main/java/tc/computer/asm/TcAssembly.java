package tc.computer.asm;

import java.util.Map;
import tc.computer.isa.TcProgram;

/**
 * An assembled program with the labels its source defined (name → instruction slot), kept for
 * traces and listings; the program itself does not need them.
 */
public record TcAssembly(TcProgram program, Map<String, Integer> labels) {
    public TcAssembly {
        labels = Map.copyOf(labels);
    }
}
