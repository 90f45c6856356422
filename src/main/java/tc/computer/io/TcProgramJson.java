package tc.computer.io;

import static tc.source.JsonLines.field;
import static tc.source.JsonLines.json;
import static tc.source.JsonLines.list;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc.computer.asm.TcSyntax;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcParams;
import tc.computer.isa.TcProgram;
import tc.source.JsonDocument;
import tc.source.JsonLines;
import tc.source.JsonTree.Access;
import tc.source.JsonTree.Arr;
import tc.source.JsonTree.Node;
import tc.source.JsonTree.Obj;
import tc.source.SourceFile;

/**
 * The Tensor Computer program file ({@code tc asm --target tc}): the machine's sizes, the initial
 * data, the instructions and, optionally, the program's 112·slots real parameters (a learned or
 * annealed program; {@code code} is then its discrete reading). Layout in docs/tensor-computer.md;
 * {@code read(write(p))} gives back p, and the parameters bit for bit.
 */
public final class TcProgramJson {
    private TcProgramJson() {}

    /** The {@code "format"} a Tensor Computer program file declares. */
    public static final String FORMAT = JsonDocument.TC_PROGRAM.name();
    /** The version this tc reads and writes. */
    public static final int VERSION = JsonDocument.TC_PROGRAM.version();

    /** What a program file holds; {@code params} is null when the file has none. */
    public record Document(TcProgram program, double[] params) {
        public Document {
            if (params != null) {
                int expected = program.spec().slots() * TcParams.PER_INSTRUCTION;
                if (params.length != expected)
                    throw new IllegalArgumentException("a program with " + program.spec().slots() + " slots has " + expected
                            + " parameters, not " + params.length);
                for (double p : params) if (!Double.isFinite(p)) throw new IllegalArgumentException("parameters must be finite, found " + p);
                params = params.clone();
            }
        }

        @Override public double[] params() { return params == null ? null : params.clone(); }
    }

    public static String write(TcProgram program) { return write(new Document(program, null)); }

    /** The file text: one top-level field per line, one instruction (or one slot's parameters) per line. */
    public static String write(Document doc) {
        TcProgram program = doc.program();
        StringBuilder sb = JsonDocument.begin(JsonDocument.TC_PROGRAM);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("memoryWords", program.spec().memoryWords());
        spec.put("slots", program.spec().slots());
        field(sb, "spec", spec);
        field(sb, "data", program.data());
        List<Object> code = new ArrayList<>();
        for (TcInstruction ins : program.code()) {
            Map<String, Object> o = new LinkedHashMap<>();
            var s = ins.op().shape();
            o.put("op", ins.op().mnemonic());
            if (s.rd) o.put("rd", ins.rd());
            if (s.rs1) o.put("rs1", ins.rs1());
            if (s.rs2) o.put("rs2", ins.rs2());
            if (s.imm) o.put("imm", ins.imm());
            code.add(o);
        }
        list(sb, "code", code);
        double[] params = doc.params();
        if (params == null) {
            JsonLines.last(sb, "params", null);
        } else {
            List<Object> rows = new ArrayList<>();
            for (int k = 0; k < program.spec().slots(); k++)
                rows.add(java.util.Arrays.copyOfRange(params, k * TcParams.PER_INSTRUCTION, (k + 1) * TcParams.PER_INSTRUCTION));
            sb.append("  \"params\": [");
            for (int k = 0; k < rows.size(); k++) {
                String row = json(rows.get(k));
                sb.append(k == 0 ? "\n    " : ",\n    ").append(row, 1, row.length() - 1);
            }
            sb.append("\n  ]\n}\n");
        }
        return sb.toString();
    }

    /** Reads a program file; every problem is a CompileException at the offending value. */
    public static Document read(SourceFile source) {
        Access in = new Access(source);
        Obj root = JsonDocument.open(source, in, JsonDocument.TC_PROGRAM);

        Obj specNode = in.object(in.field(root, "spec", "the program file"), "\"spec\"");
        int memory = in.integer(in.field(specNode, "memoryWords", "\"spec\""), "\"memoryWords\"", 2, 1 << 20);
        int slots = in.integer(in.field(specNode, "slots", "\"spec\""), "\"slots\"", 1, 1 << 16);
        TcMachineSpec spec;
        try {
            spec = new TcMachineSpec(memory, slots);
        } catch (IllegalArgumentException e) {
            throw in.error(specNode, "invalid \"spec\": " + e.getMessage());
        }

        Node dataField = in.optional(root, "data");
        int[] data = new int[0];
        if (dataField != null) {
            Arr d = in.array(dataField, "\"data\"");
            if (d.items().size() > memory) throw in.error(d, "\"data\" has " + d.items().size() + " words, but memory has " + memory);
            data = new int[d.items().size()];
            for (int i = 0; i < data.length; i++) data[i] = in.integer(d.items().get(i), "data[" + i + "]", Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        Arr codeNode = in.array(in.field(root, "code", "the program file"), "\"code\"");
        if (codeNode.items().size() > slots)
            throw in.error(codeNode, codeNode.items().size() + " instructions do not fit " + slots + " slots");
        List<TcInstruction> code = new ArrayList<>();
        for (int k = 0; k < codeNode.items().size(); k++) code.add(instruction(in, in.object(codeNode.items().get(k), "instruction " + k), k));

        TcProgram program = new TcProgram(code, spec, data);
        Node paramsField = in.optional(root, "params");
        if (paramsField == null) return new Document(program, null);
        Arr p = in.array(paramsField, "\"params\"");
        int expected = slots * TcParams.PER_INSTRUCTION;
        if (p.items().size() != expected)
            throw in.error(p, "\"params\" has " + p.items().size() + " numbers, but " + slots + " slots need " + TcParams.PER_INSTRUCTION + " each (" + expected + ")");
        double[] params = new double[expected];
        for (int i = 0; i < expected; i++) {
            params[i] = in.number(p.items().get(i), "params[" + i + "]");
            if (!Double.isFinite(params[i])) throw in.error(p.items().get(i), "params[" + i + "] is not a finite number");
        }
        return new Document(program, params);
    }

    private static TcInstruction instruction(Access in, Obj o, int k) {
        String where = "instruction " + k;
        Node opNode = in.field(o, "op", where);
        String mnemonic = in.string(opNode, where + " \"op\"");
        TcOp op = TcSyntax.op(mnemonic).orElseThrow(() -> in.error(opNode, "unknown opcode \"" + mnemonic + "\""));
        for (String name : o.fields().keySet())
            if (!List.of("op", "rd", "rs1", "rs2", "imm").contains(name)) throw in.error(o.fields().get(name), where + " has an unknown field \"" + name + "\"");
        var s = op.shape();
        int rd = operand(in, o, "rd", s.rd, where, op, 0, TcMachineSpec.REGISTERS - 1);
        int rs1 = operand(in, o, "rs1", s.rs1, where, op, 0, TcMachineSpec.REGISTERS - 1);
        int rs2 = operand(in, o, "rs2", s.rs2, where, op, 0, TcMachineSpec.REGISTERS - 1);
        int imm = operand(in, o, "imm", s.imm, where, op, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return new TcInstruction(op, rd, rs1, rs2, imm);
    }

    /** A field the operation uses (required) or does not (absent, or 0). */
    private static int operand(Access in, Obj o, String name, boolean used, String where, TcOp op, long min, long max) {
        Node n = in.optional(o, name);
        if (used) return in.integer(in.field(o, name, where + " (" + op.mnemonic() + ")"), where + " \"" + name + "\"", min, max);
        if (n != null && in.integer(n, where + " \"" + name + "\"", min, max) != 0)
            throw in.error(n, where + ": " + op.mnemonic() + " has no " + name + " operand (" + TcSyntax.syntax(op) + ")");
        return 0;
    }
}
