package tc.c;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tc.source.Diagnostic;

/** Every semantic diagnostic: exact message and line:col, through the whole front end. */
class DiagnosticsTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                c(8, "int main() {\n  return x;\n}", "undefined variable 'x'", 2, 10),
                c(8, "int main() { return f(1); }", "undefined function 'f'", 1, 21),
                c(8, "int f(int a, int b) { return a; }\nint main() { return f(1, 2, 3); }", "function 'f' expects 2 arguments, got 3", 2, 21),
                c(8, "int main() { return abs(1, 2); }", "function 'abs' expects 1 argument, got 2", 1, 21),
                c(8, "int main() { return 200; }", "integer literal 200 is out of range for 8-bit int (-128..127)", 1, 21),
                c(8, "int main() { return 128; }", "integer literal 128 is out of range for 8-bit int (-128..127)", 1, 21),
                c(8, "int main() { return -129; }", "integer literal -129 is out of range for 8-bit int (-128..127)", 1, 21),
                c(16, "int main() { return 32768; }", "integer literal 32768 is out of range for 16-bit int (-32768..32767)", 1, 21),
                c(8, "int main() { return 0x100; }", "hex literal 0x100 is out of range for 8-bit int (0x0..0xFF)", 1, 21),
                c(8, "int main() { return 99999999999999999999999; }",
                        "integer literal 99999999999999999999999 is out of range for 8-bit int (-128..127)", 1, 21),
                c(8, "int main() { int a[4]; return a[5]; }", "array index 5 is out of bounds for 'a' (size 4)", 1, 33),
                c(8, "int main() { int a[4]; a[2 + 2] = 1; return 0; }", "array index 4 is out of bounds for 'a' (size 4)", 1, 26),
                c(8, "int a[] = {1, 2};\nint main() { a[-1]++; return 0; }", "array index -1 is out of bounds for 'a' (size 2)", 2, 16),
                c(8, "int g = (1, 2);\nint main() { return g; }", "initializer of global 'g' is not a constant", 1, 10),
                c(8, "int main() { int a[(1, 2)]; return 0; }", "array size must be a positive constant", 1, 21),
                c(8, "void f() { }\nint main() { return (1, f()); }", "void value used in expression", 2, 22),
                c(8, "int main() { int x; (1, x) = 2; return x; }", "cannot assign to this expression", 1, 22),
                c(8, "const int k = 1;\nint main() { k += 2; return k; }", "cannot assign to const 'k'", 2, 14),
                c(8, "int main() { const int k = 1; k++; return k; }", "cannot increment const 'k'", 1, 31),
                c(8, "int main() { const int k = 1; --k; return k; }", "cannot decrement const 'k'", 1, 33),
                c(8, "int f(const int p) { p = 2; return p; }\nint main() { return f(1); }", "cannot assign to const 'p'", 1, 22),
                c(8, "const int a[2] = {1, 2};\nint main() { a[1] = 3; return 0; }", "cannot assign to an element of const array 'a'", 2, 14),
                c(8, "int main() { const int a = 1; int b = 2; swap(a, b); return 0; }", "cannot swap const 'a'", 1, 47),
                c(8, "int x;\nconst int x = 1;\nint main() { return 0; }", "conflicting types for 'x' (a const int here, an int on line 1)", 2, 11),
                c(8, "int main() { const const int k = 1; return k; }", "duplicate 'const'", 1, 20),
                c(8, "int main() { int char k; return 0; }", "two types in one declaration ('int' and 'char')", 1, 18),
                c(8, "int main() { return sizeof(void); }", "sizeof applied to void", 1, 28),
                c(8, "int a[200];\nint main() { return sizeof a; }", "sizeof 'a' is 200 words, out of range for 8-bit int", 2, 21),
                c(8, "int f() { return 1; }\nint main() { return sizeof f; }", "function 'f' used as a variable", 2, 28),
                c(8, "int main() { const int n = 2; int a[n]; return 0; }", "array size must be a positive constant", 1, 37),
                c(16, "const int b[1024];\nint main() { sector_read(0, b); return 0; }", "sector_read writes its buffer, and 'b' is const", 2, 29),
                c(8, "int main() { int n = 1; static int k = n; return k; }", "initializer of static 'k' is not a constant", 1, 40),
                c(8, "int f() { static int a[2] = {1, f()}; return a[0]; }\nint main() { return f(); }",
                        "initializer of static 'a' is not a constant", 1, 33),
                c(8, "int f(static int p) { return p; }\nint main() { return 0; }", "parameters cannot be static", 1, 7),
                c(8, "int main() { for (static int i = 0; i < 2; i++) { } return 0; }", "a for-loop's declaration cannot be static", 1, 19),
                c(8, "static static int g;\nint main() { return 0; }", "duplicate 'static'", 1, 8),
                c(8, "int main() { return sizeof(static int); }", "a type name cannot be static", 1, 28),
                c(8, "int main() { static int x; static int x; return 0; }", "redefinition of 'x'", 1, 39),
                c(8, "int main() { break; }", "'break' outside a loop or switch", 1, 14),
                c(8, "int main() { switch (1) { case 1: continue; } return 0; }", "'continue' outside a loop", 1, 35),
                c(8, "int main() { switch (1) { case 1: case 1: ; } return 0; }", "duplicate case value 1 (first on line 1)", 1, 40),
                c(8, "int main() { switch (1) { case 255: case -1: ; } return 0; }",
                        "integer literal 255 is out of range for 8-bit int (-128..127)", 1, 32),
                c(8, "int main() { switch (1) { case 0xFF: case -1: ; } return 0; }", "duplicate case value -1 (first on line 1)", 1, 43),
                c(8, "int main() { switch (1) { default: default: ; } return 0; }",
                        "multiple default labels in one switch (the first is on line 1)", 1, 36),
                c(8, "int main() { int x; switch (1) { case x: ; } return 0; }", "case label is not a constant expression", 1, 39),
                c(8, "int main() { if (1) default: ; return 0; }", "'default' label not directly inside a switch's braces", 1, 21),
                c(8, "int main() { switch (1) { case 1: { case 2: ; } } return 0; }",
                        "'case' label not directly inside a switch's braces", 1, 37),
                c(8, "int main() { if (1) { continue; } return 0; }", "'continue' outside a loop", 1, 23),
                c(8, "void f() { }\nint main() { return f() + 1; }", "void value used in expression", 2, 21),
                c(8, "int main() { int x = output(1); return x; }", "void value used in expression", 1, 22),
                c(8, "int f() { return 1; }", "no 'main' function", 1, 22),
                c(8, "", "no 'main' function", 1, 1),
                c(8, "int main() { int x; int x; return 0; }", "redefinition of 'x'", 1, 25),
                c(8, "int x = 1;\nint x = 2;\nint main() { return 0; }", "redefinition of 'x' (both declarations have an initializer)", 2, 5),
                c(8, "int a[2] = {1};\nint a[] = {1, 2};\nint main() { return 0; }",
                        "redefinition of 'a' (both declarations have an initializer)", 2, 5),
                c(8, "int x;\nint x[3];\nint main() { return 0; }", "conflicting types for 'x' (an array of 3 here, an int on line 1)", 2, 5),
                c(8, "int a[3];\nint a[4];\nint main() { return 0; }",
                        "conflicting types for 'a' (an array of 4 here, an array of 3 on line 1)", 2, 5),
                c(8, "int a[2];\nint main() { return 0; }\nint a = 1;", "conflicting types for 'a' (an int here, an array of 2 on line 1)", 3, 5),
                c(8, "int main() {\n  if (1) return;\n  return 0;\n}", "'return' without a value in function 'main' returning int", 2, 10),
                c(8, "int f(int x) { if (x) return; return 1; }\nint main() { return f(0); }",
                        "'return' without a value in function 'f' returning int", 1, 23),
                c(8, "int f() { return 1; }\nint f() { return 2; }\nint main() { return 0; }", "redefinition of 'f'", 2, 5),
                c(8, "int x;\nint x() { return 1; }\nint main() { return 0; }", "redefinition of 'x'", 2, 5),
                c(8, "int f(int a, int a) { return a; }\nint main() { return 0; }", "redefinition of parameter 'a'", 1, 18),
                c(8, "int f(int a) { int a; return a; }\nint main() { return 0; }", "redefinition of 'a'", 1, 20),
                c(8, "int main() { 3 = 4; return 0; }", "cannot assign to this expression", 1, 14),
                c(8, "int main() { int x; (x + 1) = 4; return 0; }", "cannot assign to this expression", 1, 22),
                c(8, "int main() { int x; x++ ++; return 0; }", "cannot increment this expression", 1, 21),
                c(8, "int main() { int a[2]; a = 1; return 0; }", "cannot assign to array 'a'", 1, 24),
                c(8, "int main() { int a[0]; return 0; }", "array size must be a positive constant", 1, 20),
                c(8, "int main() { int n = 3; int a[n]; return 0; }", "array size must be a positive constant", 1, 31),
                c(8, "int main() { int a[-2]; return 0; }", "array size must be a positive constant", 1, 20),
                c(8, "int main() { int a[2] = {1, 2, 3}; return 0; }", "too many initializers for 'a' (size 2)", 1, 32),
                c(8, "int main() { int a[]; return 0; }", "array 'a' needs a size or an initializer", 1, 18),
                c(8, "int g = 1;\nint h = g + 1;\nint main() { return 0; }", "initializer of global 'h' is not a constant", 2, 9),
                c(8, "int main() { int a[3]; return a; }", "cannot return a pointer where an int is expected", 1, 31),
                c(8, "int main() { int x; return x[0]; }", "'x' is not an array or a pointer", 1, 28),
                c(8, "int f(int x) { return x; }\nint main() { int a[2]; return f(a); }", "cannot pass a pointer where an int is expected", 2, 33),
                c(8, "int main() { return main(); }", "'main' cannot be called", 1, 21),
                c(8, "void main() { }", "'main' must be declared as 'int main()'", 1, 6),
                c(8, "int main(int a) { return a; }", "'main' must be declared as 'int main()'", 1, 5),
                c(8, "int abs(int x, int y) { return x; }\nint main() { return abs(1); }", "function 'abs' expects 2 arguments, got 1", 2, 21),
                c(8, "int max(int a, int b);\nint main() { return max(1, 2); }", "function 'max' is declared but never defined", 2, 21),
                c(8, "int mul(int a, int b) { return a + b; }\nint g = mul(2, 3);\nint main() { return g; }",
                        "initializer of global 'g' is not a constant", 2, 9),
                c(8, "void swap(int a, int b) { }\nint main() { return swap(1, 2); }", "void value used in expression", 2, 21),
                c(8, "int __mul(int a, int b) { return 0; }\nint main() { return 0; }", "names starting with '__' are reserved ('__mul')", 1, 5),
                c(8, "int main() { int __x = 1; return __x; }", "names starting with '__' are reserved ('__x')", 1, 18),
                c(8, "void f() { return 1; }\nint main() { return 0; }", "void function 'f' cannot return a value", 1, 19),
                c(8, "int f(int x);\nint main() { return f(1); }", "function 'f' is declared but never defined", 2, 21),
                c(8, "int f(int x);\nint f(int x, int y) { return 0; }\nint main() { return 0; }", "conflicting types for 'f'", 2, 5),
                c(8, "int main() { int f = 1; return f(); }", "'f' is a variable, not a function", 1, 32),
                c(8, "int f() { return 1; }\nint main() { return f; }", "function 'f' used as a variable", 2, 21),
                c(8, "int main() { swap(1, 2); return 0; }", "swap arguments must be variables or array elements", 1, 19),
                c(8, "int main() { int x = {1}; return x; }", "scalar 'x' cannot have a brace-enclosed initializer", 1, 22),
                c(8, "int main() { int a[2] = 1; return 0; }", "array 'a' needs a brace-enclosed initializer", 1, 25),
                c(8, "int main() {\n  int y = 0;\n  y = y +\n    g;\n  return y;\n}\nint g;", "undefined variable 'g'", 4, 5));
    }

    private static Arguments c(int bits, String src, String message, int line, int col) {
        return Arguments.of(bits, src, message, line, col);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsTheErrorAtItsToken(int bits, String src, String message, int line, int col) {
        Diagnostic d = Programs.error(src, bits);
        assertEquals(message, d.message(), src);
        assertEquals(line + ":" + col, d.pos().toString(), src);
    }
}
