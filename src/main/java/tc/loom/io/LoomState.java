package tc.loom.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc.loom.isa.DebugInfo;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;
import tc.loom.state.StateLayout;
import tc.loom.state.StateLayout.Region;
import tc.loom.state.StateMatrix;
import tc.source.JsonTree;
import tc.source.JsonTree.Access;
import tc.source.JsonTree.Arr;
import tc.source.JsonTree.Node;
import tc.source.JsonTree.Obj;
import tc.source.SourceFile;

/**
 * Loom-compatible {@code <name>_state.json} and {@code <name>_info.json} (REFERENCE.md §7): the
 * full initial state matrix, written exactly as the reference writes it, and the program's
 * metadata. {@link #read} decodes such a pair back into a program.
 */
public final class LoomState {
    private LoomState() {}

    /** Loom's scratchpad width, fixed by its opcode space (REFERENCE.md §1.1). */
    private static final int LOOM_S = 32;

    private static final ObjectWriter INFO_WRITER = infoWriter();

    /** The full initial state matrix as {@code {"state": [[...n floats] × d rows]}}, formatted like the reference files. */
    public static String writeState(Program program) {
        StateMatrix x = StateMatrix.initial(program);
        int d = x.layout().rows(), n = x.layout().columns();
        StringBuilder sb = new StringBuilder(d * n * 5 + 16);
        sb.append("{\"state\": [");
        for (int r = 0; r < d; r++) {
            sb.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < n; c++) {
                if (c > 0) sb.append(", ");
                appendFloat(sb, x.get(r, c));
            }
            sb.append(']');
        }
        return sb.append("]}").toString();
    }

    /** A float32 the way Python's json module prints it after widening to double. */
    private static void appendFloat(StringBuilder sb, float v) {
        if (v == 0f) sb.append("0.0");
        else if (v == 1f) sb.append("1.0");
        else if (v == -1f) sb.append("-1.0");
        else sb.append(Double.toString(v));
    }

    /**
     * The info file: name, title, description, source, variables, instruction and opcode counts,
     * source map (absolute PC → line, at each change of line), result cells and configuration.
     *
     * @param sourceText the C source, or null
     */
    public static String writeInfo(Program program, String name, String sourceText) {
        MachineConfig c = program.config();
        DebugInfo debug = program.debug();
        StateLayout layout = StateLayout.of(c);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", name);
        info.put("title", name);
        info.put("description", "compiled by tc from " + (debug.sourceName() == null ? name : debug.sourceName()));
        info.put("source", sourceText == null ? "" : sourceText);
        info.put("variables", variables(debug.symbols()));
        info.put("num_instructions", program.size());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Instruction ins : program.instructions()) counts.merge(opcodeName(ins, c), 1, Integer::sum);
        info.put("opcode_counts", counts);
        Map<String, Integer> sourceMap = new LinkedHashMap<>();
        int previous = 0;
        for (int k = 0; k < program.size(); k++) {
            int line = debug.lineOf(k);
            if (line != 0 && line != previous) sourceMap.put(Integer.toString(program.columnOf(k)), line);
            previous = line;
        }
        info.put("source_map", sourceMap);
        info.put("retval_addr", debug.retvalIndex());
        info.put("output_addr", debug.outputIndex());
        info.put("expected", Map.of());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("s", c.s());
        config.put("m", c.m());
        config.put("n", c.n());
        config.put("N", c.wordBits());
        config.put("d_model", layout.rows());
        config.put("logn", layout.addressBits());
        config.put("idx_memory", layout.rows(Region.MEMORY).first());
        config.put("idx_pc", layout.rows(Region.PC).first());
        config.put("idx_pos_enc", layout.rows(Region.POS_ENC).first());
        config.put("idx_tag", layout.rows(Region.TAG).first());
        info.put("config", config);
        try {
            return INFO_WRITER.writeValueAsString(info);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the info file", e);
        }
    }

    /** Loom's name for an opcode in {@code opcode_counts} (its table lacks STORE, which it prints as OP_20). */
    private static String opcodeName(Instruction ins, MachineConfig c) {
        Opcode op = ins.opcode(c);
        if (op == null || op == Opcode.STORE) return "OP_" + ins.a();
        return op.mnemonic();
    }

    /** User-visible variables by name; a name used in several functions is qualified as {@code function.name}. */
    private static Map<String, Integer> variables(List<Symbol> symbols) {
        List<Symbol> user = new ArrayList<>();
        Map<String, Integer> uses = new HashMap<>();
        for (Symbol s : symbols) {
            if (s.kind() != Symbol.Kind.GLOBAL && s.kind() != Symbol.Kind.LOCAL && s.kind() != Symbol.Kind.PARAM) continue;
            user.add(s);
            uses.merge(s.name(), 1, Integer::sum);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Symbol s : user) out.put(uses.get(s.name()) > 1 ? s.qualifiedName() : s.name(), s.index());
        return out;
    }

    /** Python's {@code json.dumps(indent=2)} layout: "key": value, two-space indent, {} for empty. */
    private static ObjectWriter infoWriter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withSeparators(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return new ObjectMapper().writer(printer).with(JsonWriteFeature.ESCAPE_NON_ASCII);
    }

    // ---- reading -------------------------------------------------------------------------------

    /**
     * Decodes an initial state (and its info file, which may be null) into a program: memory from
     * the memory rows, instructions from the ROM columns up to the first empty one, variables and
     * source lines from the info file. Without an info file, s = 32 and m is the number of
     * columns from s on whose tag rows are not all zero.
     */
    public static Program read(SourceFile state, SourceFile info) {
        Access in = new Access(state);
        Obj root = in.object(JsonTree.parse(state), "a Loom state file");
        Arr rowsNode = in.array(in.field(root, "state", "the state file"), "\"state\"");
        int d = rowsNode.items().size();
        if (d == 0) throw in.error(rowsNode, "\"state\" has no rows");
        List<Arr> rows = new ArrayList<>();
        for (int r = 0; r < d; r++) rows.add(in.array(rowsNode.items().get(r), "state row " + r));
        int n = rows.get(0).items().size();
        for (int r = 1; r < d; r++)
            if (rows.get(r).items().size() != n)
                throw in.error(rows.get(r), "state row " + r + " has " + rows.get(r).items().size() + " columns, row 0 has " + n);
        if (n < 64 || n > 1 << 16 || Integer.bitCount(n) != 1)
            throw in.error(rowsNode, "the state has n = " + n + " columns; Loom needs a power of two from 64 to 65536");
        int l = Integer.numberOfTrailingZeros(n);
        int rest = d - 1 - 9 * l;
        if (rest % 8 != 0 || (rest / 8 != 8 && rest / 8 != 16))
            throw in.error(rowsNode, "the state has d = " + d + " rows, but with n = " + n + " (ℓ = " + l + ") d must be 9ℓ + 8N + 1 = "
                    + (9 * l + 65) + " (N = 8) or " + (9 * l + 129) + " (N = 16)");
        int bits = rest / 8;

        Obj infoRoot = null;
        Access infoIn = null;
        if (info != null) {
            infoIn = new Access(info);
            infoRoot = infoIn.object(JsonTree.parse(info), "a Loom info file");
        }
        int m;
        if (infoRoot != null) {
            Obj cfg = infoIn.object(infoIn.field(infoRoot, "config", "the info file"), "\"config\"");
            int s = infoIn.integer(infoIn.field(cfg, "s", "\"config\""), "config s", 0, n);
            if (s != LOOM_S) throw infoIn.error(cfg, "config s = " + s + ", but Loom's scratchpad is " + LOOM_S + " columns");
            Node nNode = infoIn.field(cfg, "n", "\"config\"");
            if (infoIn.integer(nNode, "config n", 0, Integer.MAX_VALUE) != n)
                throw infoIn.error(nNode, "config n = " + infoIn.integer(nNode, "n", 0, Integer.MAX_VALUE) + " but the state has " + n + " columns");
            Node wNode = infoIn.optional(cfg, "N");
            if (wNode != null && infoIn.integer(wNode, "config N", 0, Integer.MAX_VALUE) != bits)
                throw infoIn.error(wNode, "config N = " + infoIn.integer(wNode, "N", 0, 64) + " but the state's d = " + d + " means N = " + bits);
            m = infoIn.integer(infoIn.field(cfg, "m", "\"config\""), "config m", 1, n);
        } else {
            m = 0;
            StateMatrix probe = matrix(in, rows, new MachineConfig(LOOM_S, 1, n, bits), false);
            StateLayout.Rows tag = probe.layout().rows(Region.TAG);
            while (LOOM_S + m < n && !probe.isZero(tag, LOOM_S + m)) m++;
            if (m == 0) throw in.error(rowsNode, "no memory columns: the tag rows of column " + LOOM_S + " are all zero (pass the info file?)");
        }
        MachineConfig config;
        try {
            config = new MachineConfig(LOOM_S, m, n, bits);
        } catch (IllegalArgumentException e) {
            throw in.error(rowsNode, "invalid machine shape: " + e.getMessage());
        }
        StateMatrix x = matrix(in, rows, config, true);
        StateLayout layout = x.layout();

        for (int i = 0; i < m; i++) {
            int column = layout.memoryColumn(i);
            int tag = x.readUnsigned(layout.rows(Region.TAG), column);
            if (tag != (i & ((1 << bits) - 1)) || x.isZero(layout.rows(Region.TAG), column))
                throw in.error(at(rows, layout.rows(Region.TAG).first(), column), "memory column " + column + " (cell " + i
                        + ") has tag " + tag + ", expected " + i + ": not a Loom initial state, or m = " + m + " is wrong");
        }
        int pc = x.pc();
        if (pc != config.programStart())
            throw in.error(at(rows, layout.rows(Region.PC).first(), 0), "the PC is column " + pc + ", but a program starts at column s + m = "
                    + config.programStart() + " (a state saved mid-run, or the wrong m?)");

        int[] memory = new int[m];
        for (int i = 0; i < m; i++) memory[i] = x.memory(i);
        StateLayout.Rows cmds = layout.rows(Region.CMDS);
        List<Instruction> rom = new ArrayList<>();
        int column = config.programStart();
        while (column < n && !x.isZero(cmds, column)) rom.add(x.readInstruction(column++));
        for (int later = column + 1; later < n; later++)
            if (!x.isZero(cmds, later))
                throw in.error(at(rows, 0, later), "ROM column " + column + " is empty but column " + later
                        + " after it holds an instruction; a program must be contiguous");

        DebugInfo debug = infoRoot == null ? DebugInfo.minimal(state.name(), rom.size())
                : debugInfo(infoIn, infoRoot, state.name(), config, rom.size());
        return new Program(config, memory, rom, debug);
    }

    /**
     * The state values as a matrix; every value must be a number, and with {@code strict} exactly
     * −1, 0 or +1: an initial state is bipolar codes and zeros (the reference files hold nothing
     * else), and a 0.5 would otherwise be read as a bit silently (the decoders test only the sign).
     */
    private static StateMatrix matrix(Access in, List<Arr> rows, MachineConfig config, boolean strict) {
        StateMatrix x = new StateMatrix(StateLayout.of(config));
        for (int r = 0; r < rows.size(); r++) {
            List<Node> items = rows.get(r).items();
            for (int c = 0; c < items.size(); c++) {
                double v = in.number(items.get(c), "state[" + r + "][" + c + "]");
                if (strict && v != -1 && v != 0 && v != 1)
                    throw in.error(items.get(c), "state[" + r + "][" + c + "] = " + v + " (row " + r + " in region "
                            + region(x.layout(), r) + ", column " + c + ", " + columnKind(config, c)
                            + "): an initial Loom state holds only -1, 0 and 1");
                x.set(r, c, (float) v);
            }
        }
        return x;
    }

    /** The name of the region (memory, cmds, tag…) that row {@code r} belongs to. */
    private static String region(StateLayout layout, int r) {
        for (StateLayout.Rows rows : layout.regions()) if (r >= rows.first() && r < rows.end()) return rows.region().key();
        return "?";
    }

    /** What column {@code c} holds: scratchpad, a memory cell or an instruction slot. */
    private static String columnKind(MachineConfig config, int c) {
        if (c < config.s()) return "scratchpad";
        if (c < config.programStart()) return "memory cell " + (c - config.s());
        return "instruction " + (c - config.programStart());
    }

    private static Node at(List<Arr> rows, int row, int column) { return rows.get(row).items().get(column); }

    private static DebugInfo debugInfo(Access in, Obj info, String sourceName, MachineConfig config, int size) {
        Node count = in.optional(info, "num_instructions");
        if (count != null && in.integer(count, "\"num_instructions\"", 0, Integer.MAX_VALUE) != size)
            throw in.error(count, "\"num_instructions\" is " + in.integer(count, "n", 0, Integer.MAX_VALUE)
                    + " but the state's ROM holds " + size + " instructions");
        List<Symbol> symbols = new ArrayList<>();
        Node vars = in.optional(info, "variables");
        if (vars != null)
            for (var e : in.object(vars, "\"variables\"").fields().entrySet())
                symbols.add(new Symbol(e.getKey(), null, in.integer(e.getValue(), "variable " + e.getKey(), 0, config.m() - 1), 1, Symbol.Kind.GLOBAL));
        symbols.sort((a, b) -> Integer.compare(a.index(), b.index()));
        int[] lines = new int[size];
        Node map = in.optional(info, "source_map");
        if (map != null) {
            Map<Integer, Integer> byPc = new HashMap<>();
            for (var e : in.object(map, "\"source_map\"").fields().entrySet()) {
                int pc;
                try {
                    pc = Integer.parseInt(e.getKey());
                } catch (NumberFormatException ex) {
                    throw in.error(e.getValue(), "source_map key \"" + e.getKey() + "\" is not a PC (an absolute column)");
                }
                byPc.put(pc, in.integer(e.getValue(), "source_map[" + e.getKey() + "]", 0, Integer.MAX_VALUE));
            }
            // The reference records a line only where it changes; later instructions inherit it.
            int line = 0;
            for (int k = 0; k < size; k++) {
                Integer l = byPc.get(config.programStart() + k);
                if (l != null) line = l;
                lines[k] = line;
            }
        }
        int retval = optional(in, info, "retval_addr", DebugInfo.LOOM_RETVAL);
        int output = optional(in, info, "output_addr", DebugInfo.LOOM_OUTPUT);
        return new DebugInfo(sourceName, List.copyOf(symbols), lines, Map.of(), retval, output, -1, -1);
    }

    private static int optional(Access in, Obj o, String name, int dflt) {
        Node n = in.optional(o, name);
        return n == null ? dflt : in.integer(n, "\"" + name + "\"", -1, Integer.MAX_VALUE);
    }

}
