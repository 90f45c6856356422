package tc.difftest;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramGeneratorTest {

    @Test
    void sameSeedSameProgram() {
        for (int bits : new int[] {8, 16})
            for (long seed = 0; seed < 50; seed++) {
                var a = ProgramGenerator.generate(seed, bits);
                var b = ProgramGenerator.generate(seed, bits);
                assertEquals(a.text(), b.text(), "seed " + seed);
                assertEquals(a.gcc("p_"), b.gcc("p_"), "seed " + seed);
                assertEquals(a.ast(), b.ast(), "seed " + seed);
            }
    }

    @Test
    void differentSeedsGiveDifferentPrograms() {
        var texts = new java.util.HashSet<String>();
        for (long seed = 0; seed < 100; seed++) texts.add(ProgramGenerator.generate(seed, 8).text());
        assertTrue(texts.size() >= 98, "only " + texts.size() + " distinct programs in 100 seeds");
    }

    @Test
    void programsUseTheWholeLanguage() {
        StringBuilder all = new StringBuilder();
        for (long seed = 0; seed < 200; seed++) all.append(ProgramGenerator.generate(seed, seed % 2 == 0 ? 8 : 16).text());
        String text = all.toString();
        List<String> missing = new ArrayList<>();
        for (String feature : List.of(" + ", " - ", " * ", " / ", " % ", " & ", " | ", " ^ ", "(~ ", "(! ", "(- ",
                " << ", " >> ", " == ", " != ", " < ", " <= ", " > ", " >= ", " && ", " || ", " ? ",
                "+= ", "-= ", "*= ", "/= ", "%= ", "&= ", "|= ", "^= ", "<<= ", ">>= ", "++", "--",
                "abs(", "min(", "max(", "mul(", "swap(", "output(", "0x", "'",
                "for (", "while (", "do {", "break;", "continue;", "return;", "else", "void ", "[", "= {",
                "switch (", "case ", "default: {", "'\\x", "'\\n'", "'\\0'"))
            if (!text.contains(feature)) missing.add(feature);
        assertEquals(List.of(), missing, "features never generated in 200 programs");
        int sequences = 0, commas = 0, fallThroughs = 0;
        for (long seed = 0; seed < 200; seed++) {
            var g = ProgramGenerator.generate(seed, seed % 2 == 0 ? 8 : 16);
            if (g.gcc("p_").contains("((void)")) commas++;
            for (GenAst.Function f : g.ast().functions()) {
                sequences += count(f.body(), s -> s instanceof GenAst.Sequence);
                fallThroughs += count(f.body(), s -> s instanceof GenAst.Switch w
                        && w.cases().stream().limit(w.cases().size() - 1).anyMatch(k -> k.body().isEmpty() || !(k.body().get(k.body().size() - 1) instanceof GenAst.Break)));
            }
        }
        assertTrue(sequences >= 10, "only " + sequences + " comma-operator statements in 200 programs");
        assertTrue(commas >= 10, "only " + commas + " programs with a comma expression");
        assertTrue(fallThroughs >= 10, "only " + fallThroughs + " switches that fall through");
    }

    /** Statements anywhere in {@code body} (nested ones included) that {@code which} accepts. */
    private static int count(List<GenAst.Stmt> body, java.util.function.Predicate<GenAst.Stmt> which) {
        int n = 0;
        for (GenAst.Stmt s : body) {
            if (which.test(s)) n++;
            switch (s) {
                case GenAst.If i -> n += count(i.then(), which) + (i.otherwise() == null ? 0 : count(i.otherwise(), which));
                case GenAst.Loop l -> n += count(l.body(), which);
                case GenAst.Switch w -> { for (GenAst.SwitchCase k : w.cases()) n += count(k.body(), which); }
                default -> { }
            }
        }
        return n;
    }

    @Test
    void recursionIsGuardedByADecreasingDepth() {
        int recursive = 0;
        for (long seed = 0; seed < 200; seed++) {
            String text = ProgramGenerator.generate(seed, 8).text();
            if (text.contains("(p0 - 1)")) {
                recursive++;
                assertTrue(text.contains("if ((p0 <= 0)) {"), "seed " + seed + " recurses without a guard:\n" + text);
            }
        }
        assertTrue(recursive >= 10, "only " + recursive + " of 200 programs recurse");
    }

    /**
     * Every program is a pointer and array-parameter program: main calls a function that takes an
     * array by reference, passing it an array (or part of one), and walks an array with a
     * pointer; across 200 programs, pointer parameters are read and written, addresses of scalars
     * and elements are passed, and addresses are subtracted and compared.
     */
    @Test
    void everyProgramPassesArraysByReferenceAndUsesPointers() {
        java.util.Map<Class<?>, Integer> programsWith = new java.util.HashMap<>();
        int bothSpellings = 0;
        for (long seed = 0; seed < 200; seed++) {
            var g = ProgramGenerator.generate(seed, seed % 2 == 0 ? 8 : 16);
            GenAst.Function main = g.ast().functions().get(g.ast().functions().size() - 1);
            boolean passesArray = false;
            for (GenAst.Stmt s : main.body()) {
                if (s instanceof GenAst.CallStmt c) {
                    GenAst.Function callee = g.ast().functions().stream().filter(f -> f.name().equals(c.function())).findFirst().orElseThrow();
                    if (!callee.arrayParams().isEmpty()) passesArray = true;
                }
            }
            assertTrue(passesArray, "seed " + seed + ": main passes no array by reference\n" + g.text());
            assertTrue(count(main.body(), s -> s instanceof GenAst.PtrWalk) > 0, "seed " + seed + ": main walks no array with a pointer");
            java.util.Set<Class<?>> kinds = new java.util.HashSet<>();
            nodes(g.ast(), kinds);
            for (Class<?> k : kinds) programsWith.merge(k, 1, Integer::sum);
            if (g.text().contains("[]") && g.text().contains("int *a")) bothSpellings++;
        }
        for (Class<?> k : List.of(GenAst.Deref.class, GenAst.AddressOf.class, GenAst.Address.class, GenAst.PtrDiff.class, GenAst.PtrCmp.class))
            assertTrue(programsWith.getOrDefault(k, 0) >= 20, "only " + programsWith.getOrDefault(k, 0) + " of 200 programs have a " + k.getSimpleName());
        assertTrue(bothSpellings >= 5, "only " + bothSpellings + " programs use both int a[] and int *a");
    }

    /** The classes of every AST node reachable from {@code node} (records and lists, walked by their components). */
    private static void nodes(Object node, java.util.Set<Class<?>> out) {
        if (node instanceof List<?> list) {
            for (Object o : list) nodes(o, out);
        } else if (node instanceof Record r) {
            out.add(r.getClass());
            for (var c : r.getClass().getRecordComponents()) {
                try {
                    nodes(c.getAccessor().invoke(r), out);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    @Test
    void rejectsOtherWordWidths() {
        assertThrows(IllegalArgumentException.class, () -> ProgramGenerator.generate(1, 32));
    }
}
