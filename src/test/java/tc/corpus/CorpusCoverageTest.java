package tc.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tc.loom.engine.Fault;

/** The corpus is large enough and exercises every construct of the language at least once. */
class CorpusCoverageTest {
    static final List<CorpusProgram> PROGRAMS = Corpus.load();

    // Longest operators first so that "<<=" is not read as "<<" then "=".
    private static final Pattern TOKEN = Pattern.compile(
            "//[^\\n]*|/\\*.*?\\*/|'(?:\\\\x[0-9A-Fa-f]+|\\\\[0-7]{1,3}|\\\\.|[^'\\\\])'|0[xX][0-9A-Fa-f]+|\\d+|[A-Za-z_]\\w*"
                    + "|<<=|>>=|\\+\\+|--|&&|\\|\\||==|!=|<=|>=|<<|>>|[-+*/%&|^]=|[-+*/%&|^~!<>=?:;,(){}\\[\\]]|\\S",
            Pattern.DOTALL);

    /** Code tokens of a program: comments dropped, hex and char literals tagged. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String t = m.group();
            if (t.startsWith("//") || t.startsWith("/*")) continue;
            if (t.startsWith("'")) out.add("<char>");
            else if (t.startsWith("0x") || t.startsWith("0X")) out.add("<hex>");
            else out.add(t);
        }
        return out;
    }

    @Test
    void corpusIsLargeEnough() {
        assertTrue(PROGRAMS.size() >= 60, "only " + PROGRAMS.size() + " corpus programs");
        assertTrue(PROGRAMS.stream().filter(p -> p.expectedError() != null).count() >= 12, "fewer than 12 error programs");
    }

    @Test
    void everyProgramStatesAnExpectation() {
        List<String> bare = PROGRAMS.stream().filter(p -> p.expectations().isEmpty()).map(CorpusProgram::path).toList();
        assertTrue(bare.isEmpty(), "programs without expectations: " + bare);
    }

    @Test
    void runningProgramsUseEveryConstruct() {
        Set<String> used = new HashSet<>();
        for (CorpusProgram p : PROGRAMS) if (p.expectedError() == null) used.addAll(tokens(p.text()));
        List<String> required = List.of(
                "+", "-", "*", "/", "%", "&", "|", "^", "~", "!", "<<", ">>", "==", "!=", "<", "<=", ">", ">=", "&&", "||",
                "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "++", "--", "?", ":", "[", "{",
                "int", "void", "if", "else", "while", "do", "for", "break", "continue", "return",
                "abs", "min", "max", "mul", "swap", "output", "<hex>", "<char>",
                "char", "switch", "case", "default", "sizeof", "const", "static");
        List<String> missing = required.stream().filter(t -> !used.contains(t)).toList();
        assertTrue(missing.isEmpty(), "no running corpus program uses " + missing);
    }

    @Test
    void everyKindOfExpectationAndHeaderOccurs() {
        Set<Class<?>> kinds = new HashSet<>();
        for (CorpusProgram p : PROGRAMS) for (Expectation e : p.expectations()) kinds.add(e.getClass());
        for (Class<?> k : Expectation.class.getPermittedSubclasses())
            assertTrue(kinds.contains(k), "no corpus program expects a " + k.getSimpleName());
        assertTrue(PROGRAMS.stream().anyMatch(p -> p.wordBits() == 16 && p.expectedError() == null), "no running 16-bit program");
        assertTrue(PROGRAMS.stream().anyMatch(p -> p.config() != null), "no program with a config header");
        assertTrue(PROGRAMS.stream().anyMatch(p -> p.expectedFault() == Fault.Kind.STACK_OVERFLOW), "no stack overflow");
        assertTrue(PROGRAMS.stream().anyMatch(p -> p.expectedFault() == Fault.Kind.POINTER_OUT_OF_RANGE), "no pointer fault");
    }

    @Test
    void recursionAndShadowingOccur() {
        Pattern selfCall = Pattern.compile("int\\s+(\\w+)\\s*\\([^)]*\\)\\s*\\{", Pattern.DOTALL);
        boolean recursive = false;
        for (CorpusProgram p : PROGRAMS) {
            if (p.expectedError() != null) continue;
            Matcher m = selfCall.matcher(p.text());
            while (m.find()) {
                String name = m.group(1);
                int next = p.text().indexOf("\nint ", m.end());
                String body = p.text().substring(m.end(), next < 0 ? p.text().length() : next);
                if (!name.equals("main") && body.contains(name + "(")) recursive = true;
            }
        }
        assertTrue(recursive, "no recursive function in the corpus");
        assertTrue(PROGRAMS.stream().anyMatch(p -> p.path().contains("block_scope")), "no block-scope program");
    }

    @Test
    void tokenizerSeesCodeNotComments() {
        assertTrue(tokens("a <<= 1; // x >>= 2").contains("<<="));
        assertTrue(!tokens("a <<= 1; // x >>= 2").contains(">>="));
        assertTrue(tokens("c = '\\n' + 0xFF; /* ?: */").containsAll(List.of("<char>", "<hex>")));
        assertTrue(!tokens("/* ? */ x").contains("?"));
    }
}
