package tc.computer.asm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc.computer.asm.TcSyntax.Operand;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcMachineSpec;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcProgram;
import tc.source.AsmLexer;
import tc.source.AsmLexer.Kind;
import tc.source.AsmLexer.Token;
import tc.source.CompileException;
import tc.source.SourceFile;
import tc.source.SourcePos;

/**
 * Tensor Computer assembly text → program (syntax in docs/tensor-computer.md). Reads what
 * {@link TcAsmWriter} writes and hand-written assembly alike; every error is a
 * {@link CompileException} at file:line:col.
 *
 * <p>Two passes: the first collects labels, directives and instruction lines; the second resolves
 * operands, so a label may be used before the line that defines it.
 */
public final class TcAsmReader {
    private static final long MIN = Integer.MIN_VALUE, MAX = Integer.MAX_VALUE, MAX_BITS = 0xFFFF_FFFFL;
    /**
     * Tensor Computer assembly: {@code imm(rs1)} operands, signed numbers, comments after ';' or '#'.
     * Numbers far beyond 32 bits stop at the lexer; {@link #word} reports the exact range.
     */
    private static final AsmLexer.Syntax SYNTAX = new AsmLexer.Syntax(
            Map.of(',', Kind.COMMA, ':', Kind.COLON, '(', Kind.LPAREN, ')', Kind.RPAREN),
            ";#", false, true, "", (1L << 40) - 1, "is out of the 32-bit range");

    private final SourceFile file;
    private final AsmLexer lexer;
    private final Map<String, Integer> labels = new LinkedHashMap<>();
    private final List<List<Token>> code = new ArrayList<>();
    private final List<List<Token>> dataLines = new ArrayList<>();
    private Token memoryValue, slotsValue;

    private TcAsmReader(SourceFile file) {
        this.file = file;
        this.lexer = new AsmLexer(file, SYNTAX);
    }

    /** Reads a whole assembly file. */
    public static TcProgram read(SourceFile source) { return assemble(source).program(); }

    /** Reads a whole assembly file, keeping its labels. */
    public static TcAssembly assemble(SourceFile source) { return new TcAsmReader(source).run(); }

    private TcAssembly run() {
        String[] lines = file.text().split("\n", -1);
        for (int n = 1; n <= lines.length; n++) {
            List<Token> t = lexer.lex(n, lines[n - 1]).tokens();
            int start = 0;
            while (t.size() >= start + 2 && t.get(start).is(Kind.IDENT) && t.get(start + 1).is(Kind.COLON)) {
                label(t.get(start));
                start += 2;
            }
            if (start == t.size()) continue;
            List<Token> rest = t.subList(start, t.size());
            Token first = rest.get(0);
            if (first.is(Kind.DIRECTIVE)) {
                if (start > 0) throw error(first.pos(), "a label must be followed by an instruction, not " + first.text());
                directive(rest);
            } else if (first.is(Kind.IDENT)) {
                code.add(rest);
            } else {
                throw error(first.pos(), "expected an instruction, a label or a directive, found '" + first.text() + "'");
            }
        }
        TcMachineSpec spec = spec();
        int[] data = data(spec);
        List<TcInstruction> instructions = new ArrayList<>(code.size());
        int[] lineOf = new int[code.size()];
        for (List<Token> line : code) {
            lineOf[instructions.size()] = line.get(0).pos().line();
            instructions.add(instruction(line));
        }
        return new TcAssembly(new TcProgram(instructions, spec, data), labels, lineOf);
    }

    private void label(Token name) {
        if (TcSyntax.looksLikeRegister(name.text()))
            throw error(name.pos(), "'" + name.text() + "' is a register name and cannot be a label");
        if (labels.containsKey(name.text())) throw error(name.pos(), "duplicate label '" + name.text() + "'");
        labels.put(name.text(), code.size());
    }

    private void directive(List<Token> t) {
        Token d = t.get(0);
        switch (d.text()) {
            case ".memory" -> memoryValue = sizeDirective(t, memoryValue);
            case ".slots" -> slotsValue = sizeDirective(t, slotsValue);
            case ".data" -> dataLines.add(t);
            default -> throw error(d.pos(), "unknown directive " + d.text() + " (expected .memory, .slots or .data)");
        }
    }

    private Token sizeDirective(List<Token> t, Token previous) {
        Token d = t.get(0);
        if (previous != null) throw error(d.pos(), "duplicate " + d.text() + " directive (the first is at line " + previous.pos().line() + ")");
        if (t.size() < 2 || !t.get(1).is(Kind.NUMBER)) throw error(t.size() < 2 ? d.pos() : t.get(1).pos(), d.text() + " needs a number (a power of two)");
        expectEnd(t, 2);
        return t.get(1);
    }

    private TcMachineSpec spec() {
        int memory = TcMachineSpec.DEFAULT.memoryWords();
        if (memoryValue != null) {
            long m = memoryValue.value();
            if (m < 2 || m > 1 << 20 || Long.bitCount(m) != 1)
                throw error(memoryValue.pos(), ".memory must be a power of two in 2..1048576, got " + memoryValue.text());
            memory = (int) m;
        }
        if (slotsValue == null) return TcMachineSpec.fitting(memory, code.size());
        long s = slotsValue.value();
        if (s < 1 || s > 1 << 16 || Long.bitCount(s) != 1)
            throw error(slotsValue.pos(), ".slots must be a power of two in 1..65536, got " + slotsValue.text());
        if (code.size() > s) throw error(slotsValue.pos(), code.size() + " instructions do not fit .slots " + s);
        return new TcMachineSpec(memory, (int) s);
    }

    /** {@code .data ADDR: v, v, ...}; the image is as long as the highest word any line sets. */
    private int[] data(TcMachineSpec spec) {
        int[] words = new int[spec.memoryWords()];
        int[] setAt = new int[spec.memoryWords()];  // line that set each word, 0 if none
        int length = 0;
        for (List<Token> t : dataLines) {
            Token d = t.get(0);
            if (t.size() < 3 || !t.get(1).is(Kind.NUMBER) || !t.get(2).is(Kind.COLON))
                throw error(t.size() < 2 ? d.pos() : t.get(1).pos(), ".data needs a start address and a colon, e.g. '.data 0: 5, -3, 7'");
            Token addr = t.get(1);
            if (addr.value() < 0 || addr.value() >= spec.memoryWords())
                throw error(addr.pos(), "address " + addr.text() + " is outside memory 0.." + (spec.memoryWords() - 1));
            List<List<Token>> values = split(t, 3, d);
            if (values.isEmpty()) throw error(t.get(2).pos(), ".data needs at least one value after ':'");
            int a = (int) addr.value();
            for (List<Token> v : values) {
                Token value = v.get(0);
                if (!value.is(Kind.NUMBER)) throw error(value.pos(), "expected a number, found '" + value.text() + "'");
                if (v.size() > 1) throw error(v.get(1).pos(), "unexpected '" + v.get(1).text() + "' after a value (values are separated by commas)");
                if (a >= spec.memoryWords()) throw error(value.pos(), "word " + a + " is past the end of memory (" + spec.memoryWords() + " words)");
                if (setAt[a] != 0) throw error(value.pos(), "word " + a + " is already set at line " + setAt[a]);
                words[a] = word(value);
                setAt[a] = value.pos().line();
                a++;
            }
            length = Math.max(length, a);
        }
        return java.util.Arrays.copyOf(words, length);
    }

    private TcInstruction instruction(List<Token> t) {
        Token head = t.get(0);
        TcOp op = TcSyntax.op(head.text()).orElseThrow(() -> error(head.pos(), "unknown mnemonic '" + head.text() + "'"));
        List<Operand> shape = TcSyntax.operands(op);
        List<List<Token>> operands = split(t, 1, head);
        if (operands.size() != shape.size())
            throw error(operands.size() < shape.size() ? head.pos() : operands.get(shape.size()).get(0).pos(),
                    op.mnemonic() + " takes " + (shape.isEmpty() ? "no operands" : shape.size() + " operand" + (shape.size() == 1 ? "" : "s"))
                            + " (" + TcSyntax.syntax(op) + "), found " + operands.size());
        int rd = 0, rs1 = 0, rs2 = 0, imm = 0;
        for (int k = 0; k < shape.size(); k++) {
            List<Token> o = operands.get(k);
            switch (shape.get(k)) {
                case RD -> rd = register(o);
                case RS1 -> rs1 = register(o);
                case RS2 -> rs2 = register(o);
                case IMM -> imm = immediate(o, op);
                case MEM -> {
                    // imm(rs1) or (rs1)
                    int open = 0;
                    while (open < o.size() && !o.get(open).is(Kind.LPAREN)) open++;
                    if (open == o.size() || o.size() != open + 3 || !o.get(open + 2).is(Kind.RPAREN))
                        throw error(o.get(0).pos(), "expected a memory operand imm(rs1), e.g. 4(r2) or (sp), found '" + text(o) + "'");
                    imm = open == 0 ? 0 : immediate(o.subList(0, open), op);
                    rs1 = register(o.subList(open + 1, open + 2));
                }
            }
        }
        return new TcInstruction(op, rd, rs1, rs2, imm);
    }

    private int register(List<Token> o) {
        Token r = o.get(0);
        if (!r.is(Kind.IDENT)) throw error(r.pos(), "expected a register (r0..r15 or sp), found '" + r.text() + "'");
        int n = TcSyntax.register(r.text());
        if (n < 0) throw error(r.pos(), (TcSyntax.looksLikeRegister(r.text()) ? "no register '" + r.text() + "'" : "expected a register, found '" + r.text() + "'")
                + ": registers are r0..r15 (sp = r15)");
        if (o.size() > 1) throw error(o.get(1).pos(), "unexpected '" + o.get(1).text() + "' after register " + r.text());
        return n;
    }

    /** A number (signed 32-bit, or hex as any 32-bit pattern) or a label (its instruction slot). */
    private int immediate(List<Token> o, TcOp op) {
        Token v = o.get(0);
        if (o.size() > 1) throw error(o.get(1).pos(), "unexpected '" + o.get(1).text() + "' after the immediate " + v.text());
        if (v.is(Kind.NUMBER)) return word(v);
        if (!v.is(Kind.IDENT)) throw error(v.pos(), "expected a number or a label, found '" + v.text() + "'");
        if (TcSyntax.looksLikeRegister(v.text()))
            throw error(v.pos(), op.mnemonic() + " wants an immediate here (" + TcSyntax.syntax(op) + "), not the register " + v.text());
        Integer slot = labels.get(v.text());
        if (slot == null) throw error(v.pos(), "undefined label '" + v.text() + "'");
        return slot;
    }

    private int word(Token v) {
        long x = v.value();
        if (v.hex() && x >= 0 ? x > MAX_BITS : x < MIN || x > MAX)
            throw error(v.pos(), "number " + v.text() + " is out of the 32-bit range (" + MIN + ".." + MAX + ", or 0x0..0xFFFFFFFF)");
        return (int) x;
    }

    /** The comma-separated groups of {@code t} from index {@code from}; an empty group is an error. */
    private List<List<Token>> split(List<Token> t, int from, Token head) {
        List<List<Token>> out = new ArrayList<>();
        if (t.size() == from) return out;
        if (t.get(from).is(Kind.COMMA)) throw error(t.get(from).pos(), "missing operand before ',' in " + head.text());
        int start = from;
        for (int i = from; i <= t.size(); i++) {
            if (i == t.size() || t.get(i).is(Kind.COMMA)) {
                if (i == start) throw error(t.get(i).pos(), "missing operand before ',' in " + head.text());
                out.add(t.subList(start, i));
                start = i + 1;
                if (i == t.size() - 1) throw error(t.get(i).pos(), "missing operand after ',' in " + head.text());
            }
        }
        return out;
    }

    private void expectEnd(List<Token> t, int at) {
        if (t.size() > at) throw error(t.get(at).pos(), "unexpected '" + t.get(at).text() + "' after " + t.get(0).text());
    }

    private static String text(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) sb.append(t.text());
        return sb.toString();
    }

    private CompileException error(SourcePos pos, String message) { return new CompileException(file, pos, message); }
}
