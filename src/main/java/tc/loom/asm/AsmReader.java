package tc.loom.asm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tc.ir.Word;
import tc.loom.isa.DebugInfo;
import tc.loom.isa.Instruction;
import tc.loom.isa.MachineConfig;
import tc.loom.isa.Opcode;
import tc.loom.isa.Program;
import tc.loom.isa.Symbol;
import tc.source.AsmLexer;
import tc.source.AsmLexer.Kind;
import tc.source.AsmLexer.Line;
import tc.source.AsmLexer.Token;
import tc.source.CompileException;
import tc.source.SourceFile;
import tc.source.SourcePos;

/**
 * Assembly text → program (syntax in {@code docs/formats.md}). Reads what {@link AsmWriter} writes
 * and hand-written assembly alike; errors are {@link CompileException}s with file:line:col.
 *
 * <p>Two passes: the first collects directives, symbols, cells, labels and raw instructions; the
 * second resolves operands, so labels and symbols may be used before they are defined.
 */
public final class AsmReader {
    private static final Pattern LINE_MARKER = Pattern.compile("\\s*line\\s+(\\d+)\\b.*");
    /** Loom assembly: {@code @cell}, {@code NAME[k]}, {@code .cell k = v}, quoted names; comments after ';'; '@' may continue a name (qualified symbols). */
    private static final AsmLexer.Syntax SYNTAX = new AsmLexer.Syntax(
            Map.of(',', Kind.COMMA, ':', Kind.COLON, '=', Kind.EQUALS, '[', Kind.LBRACKET, ']', Kind.RBRACKET, '@', Kind.AT),
            ";", true, false, "@", Integer.MAX_VALUE, "is too large");

    private final SourceFile file;
    private final AsmLexer lexer;
    private MachineConfig config;
    private SourcePos configPos;
    private String sourceName;
    private int retval = DebugInfo.LOOM_RETVAL;
    private int output = DebugInfo.LOOM_OUTPUT;
    private int stackBase = -1, stackLimit = -1;
    private final List<SymbolDecl> symbolDecls = new ArrayList<>();
    private final List<Line> cells = new ArrayList<>();
    private final List<Line> code = new ArrayList<>();
    private final List<Integer> codeLines = new ArrayList<>();
    private final Map<String, Integer> labels = new LinkedHashMap<>();

    private record SymbolDecl(Symbol symbol, SourcePos pos) {}

    private AsmReader(SourceFile file) {
        this.file = file;
        this.lexer = new AsmLexer(file, SYNTAX);
    }

    /** Reads a whole assembly file into a program with its debug info. */
    public static Program read(SourceFile source) { return new AsmReader(source).run(); }

    private Program run() {
        String[] lines = file.text().split("\n", -1);
        int currentLine = 0;
        for (int n = 1; n <= lines.length; n++) {
            String text = lines[n - 1];
            String stripped = text.strip();
            if (stripped.startsWith(".config") && (stripped.length() == 7 || !Character.isLetterOrDigit(stripped.charAt(7)))) {
                configDirective(n, text);
                continue;
            }
            Line line = lexer.lex(n, text);
            List<Token> t = line.tokens();
            if (t.isEmpty()) {
                if (line.comment() != null) {
                    Matcher m = LINE_MARKER.matcher(line.comment());
                    if (m.matches()) currentLine = parseLineNumber(m.group(1), n);
                }
                continue;
            }
            int start = 0;
            if (t.size() >= 2 && (t.get(0).is(Kind.IDENT) || t.get(0).is(Kind.STRING)) && t.get(1).is(Kind.COLON)) {
                Token label = t.get(0);
                if (labels.containsKey(label.text()))
                    throw error(label.pos(), "duplicate label '" + label.text() + "'");
                labels.put(label.text(), code.size());
                start = 2;
                if (t.size() == 2) continue;
            }
            Line rest = new Line(n, t.subList(start, t.size()), line.comment());
            Token first = rest.tokens().get(0);
            if (first.is(Kind.DIRECTIVE) && !first.text().equals(".raw")) {
                if (start > 0) throw error(first.pos(), "a label must be followed by an instruction, not " + first.text());
                directive(rest);
            } else if (first.is(Kind.IDENT) || first.is(Kind.DIRECTIVE)) {
                code.add(rest);
                codeLines.add(currentLine);
            } else {
                throw error(first.pos(), "expected an instruction, a label or a directive, found '" + first.text() + "'");
            }
        }
        if (config == null) throw error(new SourcePos(1, 1), "missing .config directive (for example '.config 155x1024' or '.config 32,64,1024,8')");
        return assemble();
    }

    private int parseLineNumber(String digits, int n) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw error(new SourcePos(n, 1), "line number " + digits + " is too large");
        }
    }

    private void configDirective(int n, String text) {
        int at = text.indexOf(".config");
        SourcePos pos = new SourcePos(n, at + 1);
        if (config != null) throw error(pos, "duplicate .config directive (the first is at line " + configPos.line() + ")");
        String arg = text.substring(at + 7);
        int semi = arg.indexOf(';');
        if (semi >= 0) arg = arg.substring(0, semi);
        arg = arg.strip();
        if (arg.isEmpty()) throw error(pos, ".config needs a configuration name (" + String.join(", ", MachineConfig.NAMED.keySet()) + ") or s,m,n,N");
        try {
            config = MachineConfig.parse(arg);
        } catch (IllegalArgumentException e) {
            throw error(new SourcePos(n, text.indexOf(arg, at + 7) + 1), e.getMessage());
        }
        configPos = pos;
    }

    private void directive(Line line) {
        List<Token> t = line.tokens();
        Token d = t.get(0);
        switch (d.text()) {
            case ".data", ".code" -> expectEnd(t, 1);
            case ".source" -> {
                if (t.size() < 2 || !t.get(1).is(Kind.STRING)) throw error(d.pos(), ".source needs a quoted file name");
                expectEnd(t, 2);
                sourceName = t.get(1).text();
            }
            case ".retval" -> retval = cellOrNone(t, 1);
            case ".output" -> output = cellOrNone(t, 1);
            case ".stack" -> {
                if (t.size() == 2 && t.get(1).is(Kind.IDENT) && t.get(1).text().equals("none")) {
                    stackBase = stackLimit = -1;
                } else {
                    int[] base = cellAt(t, 1);
                    int next = base[1] < t.size() && t.get(base[1]).is(Kind.COMMA) ? base[1] + 1 : base[1];
                    int[] limit = cellAt(t, next);
                    expectEnd(t, limit[1]);
                    if (limit[0] < base[0]) throw error(d.pos(), "stack limit @" + limit[0] + " is below its base @" + base[0]);
                    stackBase = base[0];
                    stackLimit = limit[0];
                }
            }
            case ".sym" -> symbolDirective(t);
            case ".cell" -> cells.add(line);
            default -> throw error(d.pos(), "unknown directive " + d.text()
                    + " (known: .config .source .retval .output .stack .data .sym .cell .code .raw)");
        }
    }

    /** {@code @i}, {@code i} or {@code none}: the only argument of a directive. */
    private int cellOrNone(List<Token> t, int i) {
        if (i < t.size() && t.get(i).is(Kind.IDENT) && t.get(i).text().equals("none")) {
            expectEnd(t, i + 1);
            return -1;
        }
        int[] cell = cellAt(t, i);
        expectEnd(t, cell[1]);
        return cell[0];
    }

    /** A cell number written {@code @i} or {@code i} at token {@code i}: {value, next token}. */
    private int[] cellAt(List<Token> t, int i) {
        Token d = t.get(0);
        if (i >= t.size()) throw error(d.pos(), d.text() + " needs a memory cell such as @7");
        Token x = t.get(i);
        int at = x.is(Kind.AT) ? i + 1 : i;
        if (at >= t.size() || !t.get(at).is(Kind.NUMBER))
            throw error(x.pos(), d.text() + " needs a memory cell such as @7, found '" + x.text() + "'");
        long value = t.get(at).value();
        if (value < 0) throw error(t.get(at).pos(), "cell number " + value + " is negative");
        return new int[] {(int) value, at + 1};
    }

    private void expectEnd(List<Token> t, int i) {
        if (i < t.size()) throw error(t.get(i).pos(), "unexpected '" + t.get(i).text() + "' after " + t.get(0).text());
    }

    /** {@code .sym NAME KIND @INDEX [size K] [in FUNCTION]} */
    private void symbolDirective(List<Token> t) {
        Token d = t.get(0);
        String usage = "expected '.sym NAME KIND @INDEX [size K] [in FUNCTION]'";
        if (t.size() < 5 || !(t.get(1).is(Kind.IDENT) || t.get(1).is(Kind.STRING)) || !t.get(2).is(Kind.IDENT)
                || !t.get(3).is(Kind.AT) || !t.get(4).is(Kind.NUMBER))
            throw error(d.pos(), usage);
        Token kindTok = t.get(2);
        Symbol.Kind kind;
        try {
            kind = Symbol.Kind.valueOf(kindTok.text().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(kindTok.pos(), "unknown symbol kind '" + kindTok.text() + "' (one of " + Symbol.Kind.names() + ")");
        }
        int index = (int) t.get(4).value();
        int size = 1;
        String function = null;
        int i = 5;
        if (i < t.size() && t.get(i).is(Kind.IDENT) && t.get(i).text().equals("size")) {
            if (i + 1 >= t.size() || !t.get(i + 1).is(Kind.NUMBER)) throw error(t.get(i).pos(), "'size' needs a number");
            size = (int) t.get(i + 1).value();
            if (size < 0) throw error(t.get(i + 1).pos(), "symbol size " + size + " is negative");
            i += 2;
        }
        if (i < t.size() && t.get(i).is(Kind.IDENT) && t.get(i).text().equals("in")) {
            if (i + 1 >= t.size() || !(t.get(i + 1).is(Kind.IDENT) || t.get(i + 1).is(Kind.STRING)))
                throw error(t.get(i).pos(), "'in' needs a function name");
            function = t.get(i + 1).text();
            i += 2;
        }
        if (i < t.size()) throw error(t.get(i).pos(), "unexpected '" + t.get(i).text() + "': " + usage);
        symbolDecls.add(new SymbolDecl(new Symbol(t.get(1).text(), function, index, size, kind), t.get(4).pos()));
    }

    // ---- second pass -------------------------------------------------------------------------

    private Program assemble() {
        List<Symbol> symbols = new ArrayList<>();
        for (SymbolDecl s : symbolDecls) {
            Symbol sym = s.symbol();
            if (sym.index() < 0 || sym.index() >= config.m())
                throw error(s.pos(), "symbol " + sym.name() + " at @" + sym.index() + " is outside memory 0.." + (config.m() - 1));
            if (sym.index() + sym.size() > config.m())
                throw error(s.pos(), "symbol " + sym.name() + " (@" + sym.index() + ", size " + sym.size() + ") runs past the last cell @" + (config.m() - 1));
            for (Symbol other : symbols)
                if (other.qualifiedName().equals(sym.qualifiedName()))
                    throw error(s.pos(), "duplicate symbol " + sym.qualifiedName());
            symbols.add(sym);
        }
        int[] memory = new int[config.m()];
        SourcePos[] cellSeen = new SourcePos[config.m()];
        for (Line cell : cells) cell(cell, memory, cellSeen, symbols);

        AsmNames names = new AsmNames(symbols);
        if (code.size() > config.instructionSlots()) {
            Token extra = code.get(config.instructionSlots()).tokens().get(0);
            throw error(extra.pos(), "too many instructions: " + code.size() + " do not fit the " + config.instructionSlots()
                    + " instruction slots of configuration " + config.name() + " (n − s − m)");
        }
        List<Instruction> rom = new ArrayList<>();
        for (Line line : code) rom.add(instruction(line, names));
        int[] lines = new int[rom.size()];
        for (int k = 0; k < lines.length; k++) lines[k] = codeLines.get(k);
        DebugInfo debug = new DebugInfo(sourceName != null ? sourceName : file.name(), List.copyOf(symbols), lines,
                labels, retval, output, stackBase, stackLimit);
        return new Program(config, memory, rom, debug);
    }

    /** {@code .cell INDEX [NAME | NAME[K]] = VALUE} */
    private void cell(Line line, int[] memory, SourcePos[] seen, List<Symbol> symbols) {
        List<Token> t = line.tokens();
        Token d = t.get(0);
        String usage = "expected '.cell INDEX [NAME] = VALUE'";
        int i = 1;
        if (i < t.size() && t.get(i).is(Kind.AT)) i++;
        if (i >= t.size() || !t.get(i).is(Kind.NUMBER)) throw error(d.pos(), usage);
        Token indexTok = t.get(i++);
        long index = indexTok.value();
        if (index < 0 || index >= config.m())
            throw error(indexTok.pos(), "cell " + index + " is outside memory 0.." + (config.m() - 1) + " (m = " + config.m() + ")");
        if (seen[(int) index] != null)
            throw error(indexTok.pos(), "cell " + index + " is given twice (first at line " + seen[(int) index].line() + ")");
        seen[(int) index] = indexTok.pos();
        int eq = i;
        while (eq < t.size() && !t.get(eq).is(Kind.EQUALS)) eq++;
        if (eq >= t.size()) throw error(d.pos(), usage);
        if (eq > i) {
            List<Token> ref = t.subList(i, eq);
            Integer resolved = symbolReference(ref, new AsmNames(symbols), true);
            if (resolved == null) {
                symbols.add(new Symbol(ref.get(0).text(), null, (int) index, 1, Symbol.Kind.GLOBAL));
            } else if (resolved != index) {
                throw error(ref.get(0).pos(), tokensText(ref) + " is cell " + resolved + ", not cell " + index);
            }
        }
        if (eq + 1 >= t.size() || !t.get(eq + 1).is(Kind.NUMBER)) throw error(t.get(eq).pos(), "'=' needs a number");
        Token v = t.get(eq + 1);
        expectEnd(t, eq + 2);
        memory[(int) index] = word(v);
    }

    /** A data value: signed decimal in the word's range, or hex as any N-bit pattern. */
    private int word(Token v) {
        int bits = config.wordBits();
        long value = v.value();
        if (v.hex() && value >= 0) {
            if (value >= 1L << bits) throw error(v.pos(), "value " + v.text() + " does not fit " + bits + " bits");
            return Word.wrap(value, bits);
        }
        if (!Word.fits(value, bits))
            throw error(v.pos(), "value " + v.text() + " is out of range for a " + bits + "-bit word (" + Word.min(bits) + ".." + Word.max(bits) + ")");
        return (int) value;
    }

    private enum Slot { MEMORY, JUMP, ANY }

    private Instruction instruction(Line line, AsmNames names) {
        List<Token> t = line.tokens();
        Token head = t.get(0);
        List<List<Token>> operands = splitOperands(t, head);
        if (head.is(Kind.DIRECTIVE)) {  // .raw a, b, c
            if (operands.size() != 3) throw error(head.pos(), ".raw needs three fields a, b, c, found " + operands.size());
            int a = resolve(operands.get(0), Slot.ANY, names, "a");
            return new Instruction(a, resolve(operands.get(1), Slot.ANY, names, "b"), resolve(operands.get(2), Slot.ANY, names, "c"));
        }
        Opcode op = Opcode.byMnemonic(head.text()).orElseThrow(() -> error(head.pos(), "unknown mnemonic '" + head.text() + "'"));
        int count = operands.size();
        String m = op.mnemonic();
        return switch (op.operands()) {
            case NONE -> switch (count) {
                case 0 -> Instruction.of(op, 0, 0);
                case 2 -> Instruction.of(op, resolve(operands.get(0), Slot.ANY, names, m), resolve(operands.get(1), Slot.ANY, names, m));
                default -> throw arity(head, m, "no operands (or the raw fields b, c)", count);
            };
            case B -> switch (count) {
                case 1 -> Instruction.of(op, resolve(operands.get(0), Slot.MEMORY, names, m), 0);
                case 2 -> Instruction.of(op, resolve(operands.get(0), Slot.MEMORY, names, m), resolve(operands.get(1), Slot.ANY, names, m));
                default -> throw arity(head, m, "1 operand", count);
            };
            case B_C -> {
                if (count != 2) throw arity(head, m, "2 operands", count);
                yield Instruction.of(op, resolve(operands.get(0), Slot.MEMORY, names, m), resolve(operands.get(1), Slot.MEMORY, names, m));
            }
            case JUMP -> switch (count) {
                case 1 -> Instruction.of(op, 0, resolve(operands.get(0), Slot.JUMP, names, m));
                case 2 -> Instruction.of(op, resolve(operands.get(0), Slot.ANY, names, m), resolve(operands.get(1), Slot.JUMP, names, m));
                default -> throw arity(head, m, "1 operand (a jump target)", count);
            };
            case B_JUMP -> {
                if (count != 2) throw arity(head, m, "2 operands (a cell and a jump target)", count);
                yield Instruction.of(op, resolve(operands.get(0), Slot.MEMORY, names, m), resolve(operands.get(1), Slot.JUMP, names, m));
            }
            case A_B_JUMP -> {
                if (count != 3) throw arity(head, m, "3 operands (a, b, target)", count);
                int a = resolve(operands.get(0), Slot.MEMORY, names, m);
                if (a < config.s())
                    throw error(operands.get(0).get(0).pos(), "SUBLEQ's first operand must be a memory cell (column ≥ " + config.s()
                            + "); column " + a + " would encode opcode " + a);
                yield Instruction.subleq(a, resolve(operands.get(1), Slot.MEMORY, names, m), resolve(operands.get(2), Slot.JUMP, names, m));
            }
        };
    }

    private CompileException arity(Token head, String mnemonic, String expected, int found) {
        return error(head.pos(), mnemonic + " takes " + expected + ", found " + found);
    }

    private List<List<Token>> splitOperands(List<Token> t, Token head) {
        List<List<Token>> out = new ArrayList<>();
        if (t.size() == 1) return out;
        int start = 1;
        for (int i = 1; i <= t.size(); i++) {
            if (i == t.size() || t.get(i).is(Kind.COMMA)) {
                if (i == start) throw error(i < t.size() ? t.get(i).pos() : t.get(i - 1).pos(), "missing operand in " + head.text());
                out.add(t.subList(start, i));
                start = i + 1;
                if (i == t.size() - 1) throw error(t.get(i).pos(), "missing operand after ','");
            }
        }
        return out;
    }

    /** The field value of one operand: always an absolute column (or, for .raw, a raw number). */
    private int resolve(List<Token> op, Slot slot, AsmNames names, String what) {
        Token first = op.get(0);
        int max = config.n() - 1;
        if (op.size() == 1 && first.is(Kind.NUMBER)) {
            if (first.value() < 0 || first.value() > max)
                throw error(first.pos(), "column " + first.text() + " is out of range 0.." + max + " (n = " + config.n() + ")");
            return (int) first.value();
        }
        if (first.is(Kind.AT)) {
            if (op.size() != 2 || !op.get(1).is(Kind.NUMBER)) throw error(first.pos(), "'@' must be followed by a number");
            long k = op.get(1).value();
            if (slot == Slot.JUMP)
                throw error(first.pos(), "a jump target is a label or a column number, not the memory cell @" + k);
            if (k < 0 || k >= config.m()) throw error(op.get(1).pos(), "memory cell @" + k + " is outside 0.." + (config.m() - 1));
            return config.memoryStart() + (int) k;
        }
        if (!(first.is(Kind.IDENT) || first.is(Kind.STRING)))
            throw error(first.pos(), "expected an operand of " + what + ", found '" + first.text() + "'");
        if (slot == Slot.JUMP || slot == Slot.ANY && op.size() == 1 && labels.containsKey(first.text()) && lookupQuietly(names, first.text()) == null) {
            if (op.size() != 1) throw error(op.get(1).pos(), "a jump target is a label, @k or a column, not '" + tokensText(op) + "'");
            Integer k = labels.get(first.text());
            if (k == null) throw error(first.pos(), "undefined label '" + first.text() + "'");
            if (k >= config.instructionSlots()) throw error(first.pos(), "label '" + first.text() + "' is past the last instruction slot");
            return config.programStart() + k;
        }
        Integer index = symbolReference(op, names, false);
        return config.memoryStart() + index;
    }

    private static Symbol lookupQuietly(AsmNames names, String name) {
        try {
            return names.lookup(name);
        } catch (AsmNames.Ambiguous e) {
            return null;
        }
    }

    /**
     * The memory index of {@code NAME} or {@code NAME[K]}. When {@code mayBeNew} and a bare NAME
     * names no symbol, returns null (a {@code .cell} line declaring it); otherwise that is an error.
     */
    private Integer symbolReference(List<Token> op, AsmNames names, boolean mayBeNew) {
        Token name = op.get(0);
        if (!(name.is(Kind.IDENT) || name.is(Kind.STRING))) throw error(name.pos(), "expected a symbol name, found '" + name.text() + "'");
        Symbol sym;
        try {
            sym = names.lookup(name.text());
        } catch (AsmNames.Ambiguous e) {
            throw error(name.pos(), e.getMessage());
        }
        if (op.size() == 1) {
            if (sym == null && mayBeNew) return null;
            if (sym == null) throw error(name.pos(), "undefined symbol '" + name.text() + "'");
            return sym.index();
        }
        if (op.size() != 4 || !op.get(1).is(Kind.LBRACKET) || !op.get(2).is(Kind.NUMBER) || !op.get(3).is(Kind.RBRACKET))
            throw error(op.get(1).pos(), "expected NAME or NAME[index], found '" + tokensText(op) + "'");
        if (sym == null) throw error(name.pos(), "undefined symbol '" + name.text() + "'");
        long k = op.get(2).value();
        if (k < 0 || k >= sym.size())
            throw error(op.get(2).pos(), "index " + k + " is out of range for " + name.text() + " (size " + sym.size() + ")");
        return sym.index() + (int) k;
    }

    private static String tokensText(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) sb.append(t.text());
        return sb.toString();
    }

    private CompileException error(SourcePos pos, String message) { return new CompileException(file, pos, message); }
}
