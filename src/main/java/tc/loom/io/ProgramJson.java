package tc.loom.io;

import static tc.source.JsonLines.field;
import static tc.source.JsonLines.list;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tc.ir.Word;
import tc.loom.isa.DebugInfo;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;
import tc.source.JsonDocument;
import tc.source.JsonLines;
import tc.source.JsonTree.Access;
import tc.source.JsonTree.Arr;
import tc.source.JsonTree.Node;
import tc.source.JsonTree.Obj;
import tc.source.SourceFile;

/**
 * The {@code tc compile --format json} program file: one JSON object holding the configuration,
 * the memory image, the instructions (with their source lines) and the debug info. The layout is
 * documented in {@code docs/formats.md}; {@code read(write(p))} gives back p and its debug info.
 */
public final class ProgramJson {
    private ProgramJson() {}

    /** The {@code "format"} a Loom program file declares. */
    public static final String FORMAT = JsonDocument.LOOM_PROGRAM.name();
    /** The version this tc reads and writes. */
    public static final int VERSION = JsonDocument.LOOM_PROGRAM.version();

    /** The program as JSON text: one top-level field per line, one instruction or symbol per line. */
    public static String write(Program program) {
        MachineConfig c = program.config();
        DebugInfo debug = program.debug();
        StringBuilder sb = JsonDocument.begin(JsonDocument.LOOM_PROGRAM);
        field(sb, "config", configFields(c));
        field(sb, "memory", program.memory());
        List<Map<String, Object>> instructions = new ArrayList<>();
        for (int k = 0; k < program.size(); k++) {
            Instruction ins = program.instructions().get(k);
            Map<String, Object> o = new LinkedHashMap<>();
            Opcode op = ins.opcode(c);
            o.put("op", op == null ? "UNDEFINED" : op.mnemonic());
            o.put("a", ins.a());
            o.put("b", ins.b());
            o.put("c", ins.c());
            o.put("line", debug.lineOf(k));
            instructions.add(o);
        }
        list(sb, "instructions", instructions);
        List<Map<String, Object>> symbols = new ArrayList<>();
        for (Symbol s : debug.symbols()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", s.name());
            o.put("function", s.function());
            o.put("index", s.index());
            o.put("size", s.size());
            o.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
            symbols.add(o);
        }
        list(sb, "symbols", symbols);
        field(sb, "labels", debug.labels());
        field(sb, "retvalIndex", debug.retvalIndex());
        field(sb, "outputIndex", debug.outputIndex());
        Map<String, Object> stack = null;
        if (debug.hasStack()) {
            stack = new LinkedHashMap<>();
            stack.put("base", debug.stackBase());
            stack.put("limit", debug.stackLimit());
        }
        field(sb, "stack", stack);
        JsonLines.last(sb, "source", debug.sourceName());
        return sb.toString();
    }

    /** A configuration's JSON object as program files write it (and run reports may): name, s, m, n, N. */
    public static Map<String, Object> configFields(MachineConfig c) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", c.name());
        config.put("s", c.s());
        config.put("m", c.m());
        config.put("n", c.n());
        config.put("N", c.wordBits());
        return config;
    }

    /** Reads a program file; every problem is a CompileException at the offending value. */
    public static Program read(SourceFile source) {
        Access in = new Access(source);
        Obj root = JsonDocument.open(source, in, JsonDocument.LOOM_PROGRAM);

        MachineConfig config = readConfig(in, in.object(in.field(root, "config", "the program file"), "\"config\""));
        int bits = config.wordBits();

        Arr memNode = in.array(in.field(root, "memory", "the program file"), "\"memory\"");
        if (memNode.items().size() != config.m())
            throw in.error(memNode, "\"memory\" has " + memNode.items().size() + " cells, but the configuration has m = " + config.m());
        int[] memory = new int[config.m()];
        for (int i = 0; i < memory.length; i++) memory[i] = in.integer(memNode.items().get(i), "memory[" + i + "]", Word.min(bits), Word.max(bits));

        Arr insNode = in.array(in.field(root, "instructions", "the program file"), "\"instructions\"");
        if (insNode.items().size() > config.instructionSlots())
            throw in.error(insNode, insNode.items().size() + " instructions do not fit the " + config.instructionSlots()
                    + " instruction slots of configuration " + config.name());
        List<Instruction> instructions = new ArrayList<>();
        int[] lines = new int[insNode.items().size()];
        for (int k = 0; k < lines.length; k++) {
            String where = "instruction " + k;
            Obj o = in.object(insNode.items().get(k), where);
            instructions.add(readInstruction(in, o, where, config));
            Node line = in.optional(o, "line");
            lines[k] = line == null ? 0 : in.integer(line, where + " \"line\"", 0, Integer.MAX_VALUE);
        }

        List<Symbol> symbols = new ArrayList<>();
        Node symNode = in.optional(root, "symbols");
        if (symNode != null) for (Node n : in.array(symNode, "\"symbols\"").items()) symbols.add(readSymbol(in, in.object(n, "a symbol"), config));

        Map<String, Integer> labels = new LinkedHashMap<>();
        Node labNode = in.optional(root, "labels");
        if (labNode != null)
            for (var e : in.object(labNode, "\"labels\"").fields().entrySet())
                labels.put(e.getKey(), in.integer(e.getValue(), "label \"" + e.getKey() + "\"", 0, instructions.size()));

        // Conventions, not addresses the machine checks: any cell number (or -1, none) is accepted.
        int retval = optionalInt(in, root, "retvalIndex", DebugInfo.LOOM_RETVAL, -1, Integer.MAX_VALUE);
        int output = optionalInt(in, root, "outputIndex", DebugInfo.LOOM_OUTPUT, -1, Integer.MAX_VALUE);
        int stackBase = -1, stackLimit = -1;
        Node stack = in.optional(root, "stack");
        if (stack != null) {
            Obj so = in.object(stack, "\"stack\"");
            stackBase = in.integer(in.field(so, "base", "\"stack\""), "stack base", 0, config.m() - 1);
            stackLimit = in.integer(in.field(so, "limit", "\"stack\""), "stack limit", stackBase, config.m());
        }
        Node name = in.optional(root, "source");
        String sourceName = name == null ? source.name() : in.string(name, "\"source\"");
        DebugInfo debug = new DebugInfo(sourceName, List.copyOf(symbols), lines, labels, retval, output, stackBase, stackLimit);
        return new Program(config, memory, instructions, debug);
    }

    private static MachineConfig readConfig(Access in, Obj o) {
        int s = in.integer(in.field(o, "s", "\"config\""), "config s", 1, 1 << 16);
        int m = in.integer(in.field(o, "m", "\"config\""), "config m", 1, 1 << 16);
        int n = in.integer(in.field(o, "n", "\"config\""), "config n", 1, 1 << 16);
        int bits = in.integer(in.field(o, "N", "\"config\""), "config N", 1, 32);
        MachineConfig config;
        try {
            config = new MachineConfig(s, m, n, bits);
        } catch (IllegalArgumentException e) {
            throw in.error(o, "invalid configuration: " + e.getMessage());
        }
        Node name = in.optional(o, "name");
        if (name != null && !in.string(name, "config \"name\"").equals(config.name()))
            throw in.error(name, "config \"name\" is \"" + in.string(name, "name") + "\" but s, m, n, N describe " + config.name());
        return config;
    }

    private static Instruction readInstruction(Access in, Obj o, String where, MachineConfig config) {
        int max = config.n() - 1;
        Node opNode = in.field(o, "op", where);
        String mnemonic = in.string(opNode, where + " \"op\"");
        Opcode op = Opcode.byMnemonic(mnemonic).orElse(null);
        if (op == null && !mnemonic.equals("UNDEFINED")) throw in.error(opNode, "unknown opcode \"" + mnemonic + "\"");
        Node aNode = in.optional(o, "a");
        Node bNode = in.optional(o, "b");
        Node cNode = in.optional(o, "c");
        if (aNode == null && (op == null || op == Opcode.SUBLEQ)) throw in.error(o, where + " (" + mnemonic + ") needs an \"a\" field");
        int a = aNode == null ? op.number() : in.integer(aNode, where + " \"a\"", 0, max);
        int b = bNode == null ? 0 : in.integer(bNode, where + " \"b\"", 0, max);
        int c = cNode == null ? 0 : in.integer(cNode, where + " \"c\"", 0, max);
        Instruction ins = new Instruction(a, b, c);
        Opcode actual = ins.opcode(config);
        if (actual != op)
            throw in.error(aNode, where + ": \"op\" is " + mnemonic + " but a = " + a + " encodes "
                    + (actual == null ? "no opcode (21 ≤ a < s is undefined)" : actual.mnemonic()));
        return ins;
    }

    private static Symbol readSymbol(Access in, Obj o, MachineConfig config) {
        String name = in.string(in.field(o, "name", "a symbol"), "symbol \"name\"");
        Node fn = in.optional(o, "function");
        String function = fn == null ? null : in.string(fn, "symbol \"function\"");
        int index = in.integer(in.field(o, "index", "symbol " + name), "symbol " + name + " \"index\"", 0, config.m() - 1);
        Node sizeNode = in.optional(o, "size");
        int size = sizeNode == null ? 1 : in.integer(sizeNode, "symbol " + name + " \"size\"", 0, config.m() - index);
        Node kindNode = in.field(o, "kind", "symbol " + name);
        String kindText = in.string(kindNode, "symbol " + name + " \"kind\"");
        Symbol.Kind kind;
        try {
            kind = Symbol.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw in.error(kindNode, "unknown symbol kind \"" + kindText + "\" (one of " + Symbol.Kind.names() + ")");
        }
        return new Symbol(name, function, index, size, kind);
    }

    private static int optionalInt(Access in, Obj o, String name, int dflt, int min, int max) {
        Node n = in.optional(o, name);
        return n == null ? dflt : in.integer(n, "\"" + name + "\"", min, max);
    }
}
