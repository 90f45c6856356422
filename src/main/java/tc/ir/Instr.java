package tc.ir;

import java.util.List;
import tc.source.SourcePos;

/**
 * Three-address instructions over {@link Var}s and {@link Imm}s. Control flow is by named
 * {@link Label}s, unique within a function. Every function body ends in a {@link Return} on every
 * path. Word semantics (wraparound, division, shifts) are those of {@link tc.ir.Word} at the
 * program's word width.
 */
public sealed interface Instr {

    /** dst ← src */
    record Move(Var dst, Operand src) implements Instr {
        @Override public String toString() { return dst + " = " + src; }
    }

    /** dst ← op src */
    record Unary(UnaryOp op, Var dst, Operand src) implements Instr {
        @Override public String toString() { return dst + " = " + op.symbol() + src; }
    }

    /** dst ← left op right */
    record Binary(BinaryOp op, Var dst, Operand left, Operand right) implements Instr {
        @Override public String toString() { return dst + " = " + left + " " + op.symbol() + " " + right; }
    }

    /** dst ← array[index]; the index must lie in 0..size-1 (checked at compile time when constant). */
    record LoadElem(Var dst, Var array, Operand index) implements Instr {
        @Override public String toString() { return dst + " = " + array + "[" + index + "]"; }
    }

    /** array[index] ← src */
    record StoreElem(Var array, Operand index, Operand src) implements Instr {
        @Override public String toString() { return array + "[" + index + "] = " + src; }
    }

    /**
     * dst ← the address of target's first cell (a scalar's only cell): a word that {@link Load}
     * and {@link Store} accept. The target lives in memory from then on; what the address's value
     * is depends on the back end's memory layout, so programs compare and offset addresses but
     * never rely on their numbers.
     */
    record AddrOf(Var dst, Var target) implements Instr {
        @Override public String toString() { return dst + " = &" + target; }
    }

    /** dst ← the word at address (an address from {@link AddrOf}, moved by adding and subtracting words). */
    record Load(Var dst, Operand address) implements Instr {
        @Override public String toString() { return dst + " = *" + address; }
    }

    /** The word at address ← src. */
    record Store(Operand address, Operand src) implements Instr {
        @Override public String toString() { return "*" + address + " = " + src; }
    }

    /** Exchange two scalar variables. */
    record Swap(Var a, Var b) implements Instr {
        @Override public String toString() { return "swap " + a + ", " + b; }
    }

    record Label(String name) implements Instr {
        @Override public String toString() { return name + ":"; }
    }

    record Jump(String target) implements Instr {
        @Override public String toString() { return "goto " + target; }
    }

    /** Jump to target if {@code left op right}, else fall through. */
    record Branch(CmpOp op, Operand left, Operand right, String target) implements Instr {
        @Override public String toString() { return "if " + left + " " + op.symbol() + " " + right + " goto " + target; }
    }

    /** dst ← callee(args); dst is null when the result is unused or the callee is void. */
    record Call(Var dst, String callee, List<Operand> args) implements Instr {
        public Call { args = List.copyOf(args); }

        @Override public String toString() { return (dst == null ? "" : dst + " = ") + "call " + callee + args; }
    }

    /** Leave the function; value is null for void functions. */
    record Return(Operand value) implements Instr {
        @Override public String toString() { return "return" + (value == null ? "" : " " + value); }
    }

    /** The {@code output(x)} builtin: append a word to the program's output stream. */
    record Output(Operand value) implements Instr {
        @Override public String toString() { return "output " + value; }
    }

    /**
     * A device builtin ({@link DeviceOp}): {@code dst} receives its value (null when it has none or
     * the value is unused); {@code buffer} is the global array of the sector builtins, else null.
     * {@code pos} is the call's position, for a back end that must refuse it.
     */
    record Device(DeviceOp op, Var dst, List<Operand> args, Var buffer, SourcePos pos) implements Instr {
        public Device {
            args = List.copyOf(args);
            if (args.size() != op.scalarArgs()) throw new IllegalArgumentException(op.cName() + " takes " + op.scalarArgs() + " operands, got " + args.size());
            if (op.usesBuffer() != (buffer != null)) throw new IllegalArgumentException(op.cName() + (op.usesBuffer() ? " needs" : " takes no") + " buffer");
            if (dst != null && !op.returnsValue()) throw new IllegalArgumentException(op.cName() + " has no value");
        }

        @Override public String toString() {
            StringBuilder sb = new StringBuilder(dst == null ? "" : dst + " = ").append("device ").append(op.cName()).append(args);
            if (buffer != null) sb.append(", ").append(buffer);
            return sb.toString();
        }
    }

    /** Marks that the following instructions come from this source line (for source maps). */
    record Line(int line) implements Instr {
        @Override public String toString() { return "# line " + line; }
    }
}
