// selfhost.c: a compiler for a subset of C, written in that same subset, that runs on the
// Tensor Computer's seed machine (docs/selfhost.md).
//
// It reads C source from the console (getchar(), -1 at the end) and writes a program for the
// seed machine to the console (putchar()) as Tensor Computer assembly text, the format that
// `tc asm --target tc` and tc.computer.asm.TcAsmReader read. main returns 0 when it wrote a
// program and 1 after an error, which it reports on the console as
//     error: line N: MESSAGE
// and then nothing else: the program is built in memory and written only once the whole source
// compiled, so a bad source never yields half a program.
//
// One pass: a recursive-descent parser emits code as it reads. The generated code is an
// accumulator machine: every expression leaves its value in r0, a binary operator keeps its
// left operand on the stack while the right one is computed. Labels are symbolic (the assembler
// resolves them), so calls to functions defined later and forward jumps need no patching; the
// only thing one pass cannot know early, a function's frame size, is set by a jump to a line
// written after the function's body.
//
// Registers: r0 accumulator and return value, r1 second operand, r2 address scratch,
// r12 frame pointer, r14 always 0, sp = r15. Frame of a function with n parameters:
//     fp+2+(n-1-i)  parameter i (the caller pushes them left to right)
//     fp+1          return slot (pushed by CALL)
//     fp+0          the caller's fp
//     fp-1 ...      locals, one word each, arrays with element 0 lowest
//
// The subset has no #define, strings or pointers, so names of constants are const globals and
// texts (keywords, mnemonics, messages) are arrays of character codes.

// ---------------------------------------------------------------- constants

// Tokens: a single-character token is its own character code; the others are these.
const int T_EOF = 0;
const int T_NUM = 256;
const int T_ID = 257;
const int T_EQ = 258;          // ==
const int T_NE = 259;          // !=
const int T_LE = 260;          // <=
const int T_GE = 261;          // >=
const int T_ANDAND = 262;      // &&
const int T_OROR = 263;        // ||
const int T_SHL = 264;         // <<
const int T_SHR = 265;         // >>
const int T_INC = 266;         // ++
const int T_DEC = 267;         // --
const int T_OPASSIGN = 268;    // += -= *= /= %= &= |= ^= <<= >>=; tokval is the operator's token
// keywords (char is int's synonym, so it reads as T_INT)
const int T_INT = 270;
const int T_VOID = 271;
const int T_IF = 272;
const int T_ELSE = 273;
const int T_WHILE = 274;
const int T_FOR = 275;
const int T_DO = 276;
const int T_RETURN = 277;
const int T_BREAK = 278;
const int T_CONTINUE = 279;
const int T_SWITCH = 280;
const int T_CASE = 281;
const int T_DEFAULT = 282;
const int T_STATIC = 283;
const int T_CONST = 284;
const int T_SIZEOF = 285;

// What a name is. Every identifier is interned in one symbol table; locals live in a second,
// scoped table that points into the first.
const int K_NAME = 0;          // only a name so far
const int K_KEYWORD = 1;       // value: its token
const int K_BUILTIN = 2;       // value: B_...
const int K_FUNC = 3;          // a function defined in this source
const int K_FUNCREF = 4;       // a function called or declared, not (yet) defined
const int K_GVAR = 5;          // value: its address
const int K_GARR = 6;          // value: the address of element 0; len: its length
const int K_LVAR = 7;          // value: offset from fp
const int K_LARR = 8;          // value: offset of element 0 from fp; len: its length

const int B_OUTPUT = 1;
const int B_PUTCHAR = 2;
const int B_GETCHAR = 3;
const int B_ABS = 4;
const int B_MIN = 5;
const int B_MAX = 6;
const int B_MUL = 7;
const int B_SWAP = 8;

// Opcodes of the Tensor Computer (docs/tensor-computer.md): their numbers index MNEMONICS.
const int HALT = 0;
const int MOV = 2;
const int LI = 3;
const int ADD = 4;
const int ADDI = 5;
const int SUB = 6;
const int MUL = 7;
const int DIV = 8;
const int MOD = 9;
const int AND = 10;
const int OR = 11;
const int XOR = 12;
const int NOT = 13;
const int SHL = 14;
const int SHR = 15;
const int SRA = 16;
const int CMP = 17;
const int JMP = 18;
const int JZ = 19;
const int JNZ = 20;
const int JLT = 21;
const int JGE = 22;
const int JLE = 23;
const int JGT = 24;
const int LOAD = 25;
const int STORE = 26;
const int PUSH = 27;
const int POP = 28;
const int CALL = 29;
const int RET = 30;
const int OUT = 31;

const int FP = 12;             // frame pointer
const int ZERO = 14;           // always 0
const int SP = 15;

// The seed machine's device registers are at DEV + r (bit 31 set: memory-mapped I/O).
const int DEV = -1073741824;
const int CONSOLE_OUT = 0;
const int CONSOLE_IN = 1;

// Room for the stack above the globals: the program's memory is the next power of two that
// holds both.
const int STACK_WORDS = 8192;

// The texts, each ending in 0.
int MNEMONICS[] = {
    'h','a','l','t',0, 'n','o','p',0, 'm','o','v',0, 'l','i',0, 'a','d','d',0, 'a','d','d','i',0,
    's','u','b',0, 'm','u','l',0, 'd','i','v',0, 'm','o','d',0, 'a','n','d',0, 'o','r',0,
    'x','o','r',0, 'n','o','t',0, 's','h','l',0, 's','h','r',0, 's','r','a',0, 'c','m','p',0,
    'j','m','p',0, 'j','z',0, 'j','n','z',0, 'j','l','t',0, 'j','g','e',0, 'j','l','e',0,
    'j','g','t',0, 'l','o','a','d',0, 's','t','o','r','e',0, 'p','u','s','h',0, 'p','o','p',0,
    'c','a','l','l',0, 'r','e','t',0, 'o','u','t',0
};

// Keywords and builtins: each name, then its kind and value, in PREDEFINED_CODES.
int PREDEFINED[] = {
    'i','n','t',0, 'c','h','a','r',0, 'v','o','i','d',0, 'i','f',0, 'e','l','s','e',0,
    'w','h','i','l','e',0, 'f','o','r',0, 'd','o',0, 'r','e','t','u','r','n',0,
    'b','r','e','a','k',0, 'c','o','n','t','i','n','u','e',0, 's','w','i','t','c','h',0,
    'c','a','s','e',0, 'd','e','f','a','u','l','t',0, 's','t','a','t','i','c',0,
    'c','o','n','s','t',0, 's','i','z','e','o','f',0,
    'o','u','t','p','u','t',0, 'p','u','t','c','h','a','r',0, 'g','e','t','c','h','a','r',0,
    'a','b','s',0, 'm','i','n',0, 'm','a','x',0, 'm','u','l',0, 's','w','a','p',0, 0
};
int PREDEFINED_CODES[] = {
    1, 270, 1, 270, 1, 271, 1, 272, 1, 273, 1, 274, 1, 275, 1, 276, 1, 277, 1, 278, 1, 279,
    1, 280, 1, 281, 1, 282, 1, 283, 1, 284, 1, 285,
    2, 1, 2, 2, 2, 3, 2, 4, 2, 5, 2, 6, 2, 7, 2, 8
};

// Error messages, numbered from 0.
int MESSAGES[] = {
    'e','x','p','e','c','t','e','d',' ',0,                                         // 0 (+ the token)
    'u','n','e','x','p','e','c','t','e','d',' ','c','h','a','r','a','c','t','e','r',0, // 1
    'u','n','d','e','f','i','n','e','d',' ','n','a','m','e',' ',0,                 // 2 (+ the name)
    'e','x','p','r','e','s','s','i','o','n',' ','e','x','p','e','c','t','e','d',0, // 3
    'c','o','n','s','t','a','n','t',' ','e','x','p','e','c','t','e','d',0,         // 4
    'n','o','t',' ','a','n',' ','l','v','a','l','u','e',0,                         // 5
    'u','n','t','e','r','m','i','n','a','t','e','d',' ','c','o','m','m','e','n','t',0, // 6
    't','o','o',' ','l','a','r','g','e',0,                                         // 7
    'u','n','d','e','f','i','n','e','d',' ','f','u','n','c','t','i','o','n',' ',0, // 8 (+ the name)
    'c','a','s','e',' ','o','u','t','s','i','d','e',' ','a',' ','s','w','i','t','c','h',0, // 9
    'b','r','e','a','k',' ','o','r',' ','c','o','n','t','i','n','u','e',' ','o','u','t','s','i','d','e',' ','a',' ','l','o','o','p',0, // 10
    'b','a','d',' ','c','h','a','r','a','c','t','e','r',' ','l','i','t','e','r','a','l',0, // 11
    'r','e','d','e','f','i','n','i','t','i','o','n',' ','o','f',' ',0,             // 12 (+ the name)
    'n','o',' ','m','a','i','n',0,                                                 // 13
    'd','e','c','l','a','r','a','t','i','o','n',' ','e','x','p','e','c','t','e','d',0 // 14
};

// ---------------------------------------------------------------- state

// Symbols: every identifier, interned by hashing into HASH (open addressing, index + 1).
int HASH[4096];
int sym_name[2048];            // offset of the name in NAMES
int sym_kind[2048];
int sym_val[2048];
int sym_len[2048];
int sym_init[2048];            // whether a global's initializer was seen
int sym_line[2048];            // where a function was first called
int nsyms;
int NAMES[16384];              // names, each ending in 0
int nnames;

// Locals of the function being compiled, innermost last; each points to its symbol.
int loc_sym[256];
int loc_kind[256];
int loc_val[256];
int loc_len[256];
int nlocs;

// The lexer: ch is the next unread character; the current token is tok (tokval: a number's
// value, an identifier's symbol, a compound assignment's operator).
int ch;
int line = 1;
int tok;
int tokval;
int tokline;
int idbuf[64];

// The program being written: text in TEXT, four characters a word (an array has at most 65,535
// words), flushed at the end when there was no error.
int TEXT[65535];
int nout;
int failed;

int nlabels;                   // labels L1, L2, ... are numbered
int gtop;                      // next free global word
int fdepth;                    // words of locals in the current function
int in_main;
int brk_label;                 // where break and continue go (0: nowhere)
int cont_label;
int sw_slot;                   // the switch being compiled: its selector's frame offset,
int sw_next;                   //   the label of its next case test,
int sw_default;                //   the label of its default (0: none)
int in_switch;
int can_assign;                // set by assignment(): the next primary may be assigned to
int ret_label;                 // the current function's epilogue
int in_sizeof;                 // compiling sizeof's operand: an array's name alone is allowed,
int sizeof_len;                //   and its length goes here

// ---------------------------------------------------------------- output

void oc(int c) {
    if (failed == 2) return;          // after an error only its message is kept
    if (nout >= 262140) { if (!failed) error(7); return; }
    int shift = (nout & 3) * 8;
    // the text may have been cut back mid-word, so the byte is cleared before it is set
    TEXT[nout >> 2] = (TEXT[nout >> 2] & ~(255 << shift)) | (c << shift);
    nout++;
}

// Character i of the text written.
int out_char(int i) { return (TEXT[i >> 2] >> ((i & 3) * 8)) & 255; }

void onum(int n) {
    // digits of a negative number are taken from the negative value, so -2147483648 prints too
    int digits[12];
    int k = 0;
    if (n < 0) oc('-');
    else n = -n;
    while (1) {
        digits[k] = '0' - n % 10;
        k++;
        n = n / 10;
        if (n == 0) break;
    }
    while (k > 0) { k--; oc(digits[k]); }
}

// Text number k of a table of 0-terminated texts.
void otext(int table, int k) {
    int i = 0;
    while (k > 0) {
        if (table == 0) { if (MNEMONICS[i] == 0) k--; }
        else { if (MESSAGES[i] == 0) k--; }
        i++;
    }
    while (1) {
        int c;
        if (table == 0) c = MNEMONICS[i]; else c = MESSAGES[i];
        if (c == 0) break;
        oc(c);
        i++;
    }
}

void oname(int s) {
    int i = sym_name[s];
    while (NAMES[i]) { oc(NAMES[i]); i++; }
}

void oreg(int r) {
    if (r == SP) { oc('s'); oc('p'); }
    else { oc('r'); onum(r); }
}

void osep() { oc(','); oc(' '); }

// "        op " at the start of an instruction line
void oop(int op) {
    int i = 0;
    while (i < 8) { oc(' '); i++; }
    otext(0, op);
    oc(' ');
}

void olabel(int n) { oc('L'); onum(n); }

int newlabel() { nlabels++; return nlabels; }

void here(int n) { olabel(n); oc(':'); oc('\n'); }

void e0(int op) {
    int i = 0;
    while (i < 8) { oc(' '); i++; }
    otext(0, op);
    oc('\n');
}

// push, pop, out
void e1(int op, int r) { oop(op); oreg(r); oc('\n'); }

// mov, not, cmp
void e2(int op, int a, int b) { oop(op); oreg(a); osep(); oreg(b); oc('\n'); }

void e3(int op, int d, int a, int b) { oop(op); oreg(d); osep(); oreg(a); osep(); oreg(b); oc('\n'); }

void li(int r, int v) { oop(LI); oreg(r); osep(); onum(v); oc('\n'); }

void addi(int d, int a, int v) { oop(ADDI); oreg(d); osep(); oreg(a); osep(); onum(v); oc('\n'); }

// load r, off(base) and store r, off(base)
void mem(int op, int r, int off, int base) { oop(op); oreg(r); osep(); onum(off); oc('('); oreg(base); oc(')'); oc('\n'); }

void jump(int op, int label) { oop(op); olabel(label); oc('\n'); }

// ---------------------------------------------------------------- errors

void error(int msg) {
    if (failed) return;
    failed = 1;
    nout = 0;
    oc('e'); oc('r'); oc('r'); oc('o'); oc('r'); oc(':'); oc(' ');
    oc('l'); oc('i'); oc('n'); oc('e'); oc(' ');
    onum(tokline); oc(':'); oc(' ');
    otext(1, msg);
    if (msg == 2 || msg == 8 || msg == 12) {
        if (tok == T_ID) oname(tokval);
    }
    failed = 2;
}

void error_expected(int c) {
    if (failed) return;
    error(0);
    failed = 1;
    oc('\''); oc(c); oc('\'');
    failed = 2;
}

// ---------------------------------------------------------------- symbols

// The symbol of the name in idbuf (length n), interned if new.
int intern(int n) {
    int h = 0;
    int i = 0;
    while (i < n) { h = (h * 31 + idbuf[i]) & 4095; i++; }
    while (HASH[h]) {
        int s = HASH[h] - 1;
        int p = sym_name[s];
        i = 0;
        while (i < n && NAMES[p + i] == idbuf[i]) i++;
        if (i == n && NAMES[p + n] == 0) return s;
        h = (h + 1) & 4095;
    }
    if (nsyms >= 2048 || nnames + n + 1 > 16384) { error(7); return 0; }
    HASH[h] = nsyms + 1;
    sym_name[nsyms] = nnames;
    i = 0;
    while (i < n) { NAMES[nnames] = idbuf[i]; nnames++; i++; }
    NAMES[nnames] = 0;
    nnames++;
    sym_kind[nsyms] = K_NAME;
    nsyms++;
    return nsyms - 1;
}

// Enters the keywords and builtins.
void predefine() {
    int i = 0;
    int k = 0;
    while (PREDEFINED[i]) {
        int n = 0;
        while (PREDEFINED[i]) { idbuf[n] = PREDEFINED[i]; n++; i++; }
        i++;
        int s = intern(n);
        sym_kind[s] = PREDEFINED_CODES[k];
        sym_val[s] = PREDEFINED_CODES[k + 1];
        k = k + 2;
    }
}

// The innermost local named by symbol s, or -1.
int find_local(int s) {
    int i = nlocs - 1;
    while (i >= 0) {
        if (loc_sym[i] == s) return i;
        i--;
    }
    return -1;
}

int add_local(int s, int kind, int val, int len) {
    if (nlocs >= 256) { error(7); return 0; }
    loc_sym[nlocs] = s;
    loc_kind[nlocs] = kind;
    loc_val[nlocs] = val;
    loc_len[nlocs] = len;
    nlocs++;
    return nlocs - 1;
}

// ---------------------------------------------------------------- lexer

void readc() {
    if (ch == '\n') line++;
    ch = getchar();
}

int is_digit(int c) { return c >= '0' && c <= '9'; }

int is_letter(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

int hex_value(int c) {
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// One character of a character literal, escapes decoded.
int literal_char() {
    int c = ch;
    if (c == '\n' || c == -1) { error(11); return 0; }
    readc();
    if (c != '\\') return c;
    c = ch;
    readc();
    if (c == 'n') return '\n';
    if (c == 't') return '\t';
    if (c == 'r') return '\r';
    if (c == 'a') return 7;
    if (c == 'b') return 8;
    if (c == 'f') return 12;
    if (c == 'v') return 11;
    if (c == '\\' || c == '\'' || c == '"' || c == '?') return c;
    if (c == 'x') {
        int v = 0;
        int n = 0;
        while (hex_value(ch) >= 0) { v = v * 16 + hex_value(ch); n++; readc(); }
        if (n == 0 || v > 255) error(11);
        return v;
    }
    if (c >= '0' && c <= '7') {
        int v = c - '0';
        int n = 1;
        while (n < 3 && ch >= '0' && ch <= '7') { v = v * 8 + ch - '0'; n++; readc(); }
        if (v > 255) error(11);
        return v;
    }
    error(11);
    return 0;
}

// Reads the next token into tok (and tokval).
void next() {
    if (failed) { tok = T_EOF; return; }
    while (1) {
        while (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') readc();
        tokline = line;
        if (ch != '/') break;
        readc();
        if (ch == '/') {
            while (ch != '\n' && ch != -1) readc();
        } else if (ch == '*') {
            readc();
            int star = 0;
            while (!(star && ch == '/')) {
                if (ch == -1) { error(6); tok = T_EOF; return; }
                star = ch == '*';
                readc();
            }
            readc();
        } else {
            // a division: its '/' is already read
            tok = '/';
            if (ch == '=') { readc(); tokval = '/'; tok = T_OPASSIGN; }
            return;
        }
    }
    int c = ch;
    if (c == -1) { tok = T_EOF; return; }
    if (is_digit(c)) {
        int v = 0;
        readc();
        if (c == '0' && (ch == 'x' || ch == 'X')) {
            readc();
            while (hex_value(ch) >= 0) { v = v * 16 + hex_value(ch); readc(); }
        } else {
            v = c - '0';
            while (is_digit(ch)) { v = v * 10 + ch - '0'; readc(); }
        }
        tok = T_NUM;
        tokval = v;
        return;
    }
    if (is_letter(c)) {
        int n = 0;
        while (is_letter(ch) || is_digit(ch)) {
            if (n < 63) { idbuf[n] = ch; n++; }
            readc();
        }
        int s = intern(n);
        if (sym_kind[s] == K_KEYWORD) { tok = sym_val[s]; return; }
        tok = T_ID;
        tokval = s;
        return;
    }
    readc();
    if (c == '\'') {
        tokval = literal_char();
        if (ch != '\'') { error(11); return; }
        readc();
        tok = T_NUM;
        return;
    }
    tok = c;
    // two- and three-character operators
    if (c == '=' && ch == '=') { readc(); tok = T_EQ; }
    else if (c == '!' && ch == '=') { readc(); tok = T_NE; }
    else if (c == '<' && ch == '=') { readc(); tok = T_LE; }
    else if (c == '>' && ch == '=') { readc(); tok = T_GE; }
    else if (c == '&' && ch == '&') { readc(); tok = T_ANDAND; }
    else if (c == '|' && ch == '|') { readc(); tok = T_OROR; }
    else if (c == '+' && ch == '+') { readc(); tok = T_INC; }
    else if (c == '-' && ch == '-') { readc(); tok = T_DEC; }
    else if (c == '<' && ch == '<') { readc(); tok = T_SHL; }
    else if (c == '>' && ch == '>') { readc(); tok = T_SHR; }
    else if (c != '(' && c != ')' && c != '{' && c != '}' && c != '[' && c != ']' && c != ';' && c != ','
             && c != '=' && c != '<' && c != '>' && c != '+' && c != '-' && c != '*' && c != '%'
             && c != '&' && c != '|' && c != '^' && c != '!' && c != '~' && c != '?' && c != ':') {
        error(1);
        tok = T_EOF;
        return;
    }
    // compound assignment: the operator followed by '='
    if (ch == '=' && (tok == '+' || tok == '-' || tok == '*' || tok == '%' || tok == '&' || tok == '|'
                      || tok == '^' || tok == T_SHL || tok == T_SHR)) {
        readc();
        tokval = tok;
        tok = T_OPASSIGN;
    }
}

void expect(int t) {
    if (tok == t) next();
    else error_expected(t);
}

// ---------------------------------------------------------------- constant expressions

// Binding strength of a binary operator, 0 if tok is none.
int precedence(int t) {
    if (t == T_OROR) return 1;
    if (t == T_ANDAND) return 2;
    if (t == '|') return 3;
    if (t == '^') return 4;
    if (t == '&') return 5;
    if (t == T_EQ || t == T_NE) return 6;
    if (t == '<' || t == '>' || t == T_LE || t == T_GE) return 7;
    if (t == T_SHL || t == T_SHR) return 8;
    if (t == '+' || t == '-') return 9;
    if (t == '*' || t == '/' || t == '%') return 10;
    return 0;
}

// a op b at 32 bits, as the compiled code computes it (shift counts of 32 and more included).
int fold(int op, int a, int b) {
    if (op == '+') return a + b;
    if (op == '-') return a - b;
    if (op == '*') return a * b;
    if (op == '/') { if (b == 0) return -1; if (b == -1) return -a; return a / b; }
    if (op == '%') { if (b == 0) return a; if (b == -1) return 0; return a % b; }
    if (op == '&') return a & b;
    if (op == '|') return a | b;
    if (op == '^') return a ^ b;
    if (op == T_SHL) { if (b & -32) return 0; return a << b; }
    if (op == T_SHR) { if (b & -32) { if (a < 0) return -1; return 0; } return a >> b; }
    if (op == T_EQ) return a == b;
    if (op == T_NE) return a != b;
    if (op == '<') return a < b;
    if (op == '>') return a > b;
    if (op == T_LE) return a <= b;
    if (op == T_GE) return a >= b;
    if (op == T_ANDAND) return a && b;
    return a || b;
}

int const_unary() {
    if (tok == T_NUM) { int v = tokval; next(); return v; }
    if (tok == '-') { next(); return -const_unary(); }
    if (tok == '+') { next(); return const_unary(); }
    if (tok == '~') { next(); return ~const_unary(); }
    if (tok == '!') { next(); return !const_unary(); }
    if (tok == '(') { next(); int v = const_binary(1); expect(')'); return v; }
    error(4);
    return 0;
}

int const_binary(int min) {
    int v = const_unary();
    while (precedence(tok) >= min && !failed) {
        int op = tok;
        next();
        v = fold(op, v, const_binary(precedence(op) + 1));
    }
    return v;
}

// ---------------------------------------------------------------- expressions

// Loads the value of r1 op r0 into r0 (r1 holds the left operand).
void binop(int op) {
    int l;
    if (op == '+') { e3(ADD, 0, 1, 0); return; }
    if (op == '-') { e3(SUB, 0, 1, 0); return; }
    if (op == '*') { e3(MUL, 0, 1, 0); return; }
    if (op == '/') { e3(DIV, 0, 1, 0); return; }
    if (op == '%') { e3(MOD, 0, 1, 0); return; }
    if (op == '&') { e3(AND, 0, 1, 0); return; }
    if (op == '|') { e3(OR, 0, 1, 0); return; }
    if (op == '^') { e3(XOR, 0, 1, 0); return; }
    if (op == T_SHL || op == T_SHR) {
        // C reads the count as unsigned: 32 and more give 0 (<<) or the sign fill (>>), while
        // the machine uses the count's low 5 bits
        l = newlabel();
        li(2, -32);
        e3(AND, 2, 0, 2);
        jump(JZ, l);
        if (op == T_SHL) {
            int done = newlabel();
            li(0, 0);
            jump(JMP, done);
            here(l);
            e3(SHL, 0, 1, 0);
            here(done);
        } else {
            li(0, 31);
            here(l);
            e3(SRA, 0, 1, 0);
        }
        return;
    }
    // comparisons give 1 or 0
    int jcc = JZ;
    if (op == T_NE) jcc = JNZ;
    else if (op == '<') jcc = JLT;
    else if (op == '>') jcc = JGT;
    else if (op == T_LE) jcc = JLE;
    else if (op == T_GE) jcc = JGE;
    l = newlabel();
    e2(CMP, 1, 0);
    li(0, 1);
    jump(jcc, l);
    li(0, 0);
    here(l);
}

// Parses the index of a[...] and leaves the element's address in r0.
void element_address(int kind, int val) {
    next();
    expression();
    expect(']');
    if (kind == K_GARR) addi(0, 0, val);
    else { e3(ADD, 0, 0, FP); addi(0, 0, val); }
}

// Parses a variable or element named by symbol s (the name already read) and leaves its
// address in r0; returns 0 for something that cannot be assigned to.
int lvalue_address(int s) {
    int kind = K_NAME;
    int val = 0;
    int i = find_local(s);
    if (i >= 0) { kind = loc_kind[i]; val = loc_val[i]; }
    else { kind = sym_kind[s]; val = sym_val[s]; }
    if (kind == K_GVAR) { li(0, val); return 1; }
    if (kind == K_LVAR) { addi(0, FP, val); return 1; }
    if ((kind == K_GARR || kind == K_LARR) && tok == '[') { element_address(kind, val); return 1; }
    return 0;
}

// An lvalue operand (of ++, --, swap): its address in r0.
void lvalue() {
    if (tok != T_ID) { error(5); return; }
    int s = tokval;
    next();
    if (!lvalue_address(s)) error(5);
}

// Arguments of a call, pushed left to right; returns their number.
int arguments() {
    int n = 0;
    expect('(');
    if (tok != ')') {
        while (1) {
            assignment();
            e1(PUSH, 0);
            n++;
            if (tok != ',' || failed) break;
            next();
        }
    }
    expect(')');
    return n;
}

// Both operands of min/max/mul: the first in r1, the second in r0.
void two_arguments() {
    expect('(');
    assignment();
    e1(PUSH, 0);
    expect(',');
    assignment();
    e1(POP, 1);
    expect(')');
}

void builtin(int b) {
    int l;
    if (b == B_GETCHAR) { expect('('); expect(')'); mem(LOAD, 0, DEV + CONSOLE_IN, ZERO); return; }
    if (b == B_SWAP) {
        expect('(');
        lvalue();
        e1(PUSH, 0);
        expect(',');
        lvalue();
        e1(POP, 1);
        expect(')');
        mem(LOAD, 2, 0, 0);
        mem(LOAD, 3, 0, 1);
        mem(STORE, 3, 0, 0);
        mem(STORE, 2, 0, 1);
        return;
    }
    if (b == B_MIN || b == B_MAX || b == B_MUL) {
        two_arguments();
        if (b == B_MUL) { e3(MUL, 0, 1, 0); return; }
        l = newlabel();
        e2(CMP, 0, 1);
        if (b == B_MIN) jump(JLE, l); else jump(JGE, l);
        e2(MOV, 0, 1);
        here(l);
        return;
    }
    expect('(');
    assignment();
    expect(')');
    if (b == B_OUTPUT) e1(OUT, 0);
    else if (b == B_PUTCHAR) mem(STORE, 0, DEV + CONSOLE_OUT, ZERO);
    else {
        l = newlabel();
        e2(CMP, 0, ZERO);
        jump(JGE, l);
        e3(SUB, 0, ZERO, 0);
        here(l);
    }
}

// A name in an expression: a call, a variable, an element, or an assignment to one of them.
void name(int assignable) {
    int s = tokval;
    next();
    int i = find_local(s);
    int kind;
    int val;
    int len;
    if (i >= 0) { kind = loc_kind[i]; val = loc_val[i]; len = loc_len[i]; }
    else { kind = sym_kind[s]; val = sym_val[s]; len = sym_len[s]; }
    if (tok == '(' && i < 0) {
        if (kind == K_BUILTIN) { builtin(val); return; }
        if (kind == K_NAME) { sym_kind[s] = K_FUNCREF; kind = K_FUNCREF; }
        if (sym_line[s] == 0) sym_line[s] = tokline;
        if (kind != K_FUNC && kind != K_FUNCREF) { error(2); return; }
        int n = arguments();
        oop(CALL); oc('_'); oname(s); oc('\n');
        if (n > 0) addi(SP, SP, n);
        return;
    }
    if (kind != K_GVAR && kind != K_GARR && kind != K_LVAR && kind != K_LARR) {
        tok = T_ID;
        tokval = s;
        error(2);
        return;
    }
    int element = 0;
    if (kind == K_GARR || kind == K_LARR) {
        if (tok != '[' && in_sizeof) { sizeof_len = len; return; }
        if (tok != '[') { error_expected('['); return; }
        element_address(kind, val);
        element = 1;
    }
    if (assignable && (tok == '=' || tok == T_OPASSIGN)) {
        int op = tok;
        int binary = tokval;
        next();
        if (!element) lvalue_of(kind, val);
        if (op == '=') {
            e1(PUSH, 0);
            assignment();
            e1(POP, 1);
        } else {
            e1(PUSH, 0);
            mem(LOAD, 0, 0, 0);
            e1(PUSH, 0);
            assignment();
            e1(POP, 1);
            binop(binary);
            e1(POP, 1);
        }
        mem(STORE, 0, 0, 1);
        return;
    }
    if (tok == T_INC || tok == T_DEC) {
        // x++: the old value, x incremented
        int step = 1;
        if (tok == T_DEC) step = -1;
        next();
        if (!element) lvalue_of(kind, val);
        e2(MOV, 2, 0);
        mem(LOAD, 0, 0, 2);
        addi(1, 0, step);
        mem(STORE, 1, 0, 2);
        return;
    }
    if (element) { mem(LOAD, 0, 0, 0); return; }
    if (kind == K_GVAR) mem(LOAD, 0, val, ZERO);
    else mem(LOAD, 0, val, FP);
}

// The address of a scalar variable in r0.
void lvalue_of(int kind, int val) {
    if (kind == K_GVAR) li(0, val);
    else addi(0, FP, val);
}

void primary(int assignable) {
    if (tok == T_NUM) { li(0, tokval); next(); return; }
    if (tok == T_ID) { name(assignable); return; }
    if (tok == '(') { next(); expression(); expect(')'); return; }
    error(3);
}

void unary() {
    int assignable = can_assign;
    can_assign = 0;
    int l;
    if (tok == '-') { next(); unary(); e3(SUB, 0, ZERO, 0); return; }
    if (tok == '+') { next(); unary(); return; }
    if (tok == '~') { next(); unary(); e2(NOT, 0, 0); return; }
    if (tok == '!') {
        next();
        unary();
        l = newlabel();
        e2(CMP, 0, ZERO);
        li(0, 1);
        jump(JZ, l);
        li(0, 0);
        here(l);
        return;
    }
    if (tok == T_INC || tok == T_DEC) {
        int step = 1;
        if (tok == T_DEC) step = -1;
        next();
        lvalue();
        e2(MOV, 2, 0);
        mem(LOAD, 0, 0, 2);
        addi(0, 0, step);
        mem(STORE, 0, 0, 2);
        return;
    }
    if (tok == T_SIZEOF) {
        // sizeof counts words: 1, or an array's length. The operand is compiled as usual (which
        // checks it) and its code then dropped, since it is not evaluated.
        next();
        int mark = nout;
        int saved = in_sizeof;
        in_sizeof = 1;
        sizeof_len = 0;
        if (tok == '(') {
            next();
            if (is_type_start()) type_words(); else expression();
            expect(')');
        } else unary();
        in_sizeof = saved;
        if (!failed) nout = mark;
        int size = 1;
        if (sizeof_len > 0) size = sizeof_len;
        sizeof_len = 0;
        li(0, size);
        return;
    }
    primary(assignable);
}

// Binary operators of binding strength min and above, by precedence climbing.
void binary(int min) {
    unary();
    while (precedence(tok) >= min && !failed) {
        int op = tok;
        next();
        if (op == T_ANDAND || op == T_OROR) {
            // short circuit: the right operand runs only when the left does not decide
            int decided = newlabel();
            int done = newlabel();
            e2(CMP, 0, ZERO);
            if (op == T_ANDAND) jump(JZ, decided); else jump(JNZ, decided);
            binary(precedence(op) + 1);
            e2(CMP, 0, ZERO);
            if (op == T_ANDAND) jump(JZ, decided); else jump(JNZ, decided);
            // not decided: && is true, || false; decided: the opposite
            if (op == T_ANDAND) li(0, 1); else li(0, 0);
            jump(JMP, done);
            here(decided);
            if (op == T_ANDAND) li(0, 0); else li(0, 1);
            here(done);
        } else {
            e1(PUSH, 0);
            binary(precedence(op) + 1);
            e1(POP, 1);
            binop(op);
        }
    }
}

void conditional() {
    binary(1);
    if (tok == '?') {
        int other = newlabel();
        int done = newlabel();
        next();
        e2(CMP, 0, ZERO);
        jump(JZ, other);
        expression();
        jump(JMP, done);
        expect(':');
        here(other);
        conditional();
        here(done);
    }
}

void assignment() {
    can_assign = 1;
    conditional();
    can_assign = 0;
}

// The comma operator: each item in turn, the value of the last.
void expression() {
    assignment();
    while (tok == ',' && !failed) { next(); assignment(); }
}

// ---------------------------------------------------------------- statements

// The condition of if/while/for: jumps to label when it is 0.
void jump_if_false(int label) {
    expression();
    e2(CMP, 0, ZERO);
    jump(JZ, label);
}

// The array length of a declaration: [N], or [] sized by its initializer (returns -1).
int array_length() {
    next();
    if (tok == ']') { next(); return -1; }
    int n = const_binary(1);
    expect(']');
    if (n <= 0) error(7);
    return n;
}

// A note for the tools: where main's variable lives (from fp), so a run can be read back.
void note_local(int s, int off, int len) {
    if (!in_main) return;
    oc(';'); oc(' '); oc('v'); oc('a'); oc('r'); oc(' ');
    oname(s); oc(' '); onum(off); oc(' '); onum(len); oc('\n');
}

void note_global(int s, int addr, int len) {
    oc(';'); oc(' '); oc('g'); oc('l'); oc('o'); oc('b'); oc('a'); oc('l'); oc(' ');
    oname(s); oc(' '); onum(addr); oc(' '); onum(len); oc('\n');
}

// ".data addr: " starts the initial words of a global
void data_start(int addr) {
    oc('.'); oc('d'); oc('a'); oc('t'); oc('a'); oc(' '); onum(addr); oc(':'); oc(' ');
}

// A static local or a global: its words from gtop, its initial values as .data. Returns its address.
int global_storage(int s, int is_array, int len) {
    int addr = gtop;
    int n = initializer(addr, is_array);
    if (len < 0) len = n;
    if (!is_array) len = 1;
    if (n > len || len <= 0) error(7);
    gtop = gtop + len;
    return addr;
}

// "= value" or "= {values}" of a global or static at addr, written as .data; returns how many
// words it gives (0 without one).
int initializer(int addr, int is_array) {
    int n = 0;
    int mark = nout;
    if (tok == '=') {
        next();
        if (is_array) {
            expect('{');
            data_start(addr);
            while (tok != '}' && !failed) {
                if (n > 0) osep();
                onum(const_binary(1));
                n++;
                if (tok != ',') break;
                next();
            }
            expect('}');
            oc('\n');
            if (n == 0 && !failed) nout = mark;   // "= {}" sets no word
        } else {
            data_start(addr);
            onum(const_binary(1));
            oc('\n');
            n = 1;
        }
    }
    return n;
}

// A local declaration after its type: int x = e, a[N] = {...}, ...;
void local_declaration(int is_static) {
    while (!failed) {
        if (tok != T_ID) { error(14); return; }
        int s = tokval;
        next();
        int is_array = 0;
        int len = 1;
        if (tok == '[') { is_array = 1; len = array_length(); }
        if (is_static) {
            int addr = global_storage(s, is_array, len);
            if (is_array) add_local(s, K_GARR, addr, gtop - addr);
            else add_local(s, K_GVAR, addr, 1);
            note_global(s, addr, gtop - addr);
        } else if (!is_array) {
            fdepth++;
            int off = -fdepth;
            if (tok == '=') { next(); assignment(); mem(STORE, 0, off, FP); }
            else mem(STORE, ZERO, off, FP);
            add_local(s, K_LVAR, off, 1);
            note_local(s, off, 1);
        } else {
            // the initializer's values are pushed, then stored: its length may size the array
            int n = 0;
            if (tok == '=') {
                next();
                expect('{');
                while (tok != '}' && !failed) {
                    assignment();
                    e1(PUSH, 0);
                    n++;
                    if (tok != ',') break;
                    next();
                }
                expect('}');
            }
            if (len < 0) len = n;
            if (n > len || len <= 0) { error(7); return; }
            fdepth = fdepth + len;
            int off = -fdepth;
            int k = n;
            while (k > 0) { k--; e1(POP, 0); mem(STORE, 0, off + k, FP); }
            if (n < len) {
                // the rest is zero: a loop, since arrays may be long
                int l = newlabel();
                addi(2, FP, off + n);
                li(1, len - n);
                here(l);
                mem(STORE, ZERO, 0, 2);
                addi(2, 2, 1);
                addi(1, 1, -1);
                jump(JNZ, l);
            }
            add_local(s, K_LARR, off, len);
            note_local(s, off, len);
        }
        if (tok != ',') break;
        next();
    }
    expect(';');
}

// Type words of a declaration: [static] [const] int|char|void [const]; returns 0 if tok starts none.
int is_type_start() { return tok == T_INT || tok == T_VOID || tok == T_STATIC || tok == T_CONST; }

// Skips the type words; returns 1 when they said static.
int type_words() {
    int is_static = 0;
    while (tok == T_STATIC || tok == T_CONST || tok == T_INT || tok == T_VOID) {
        if (tok == T_STATIC) is_static = 1;
        next();
    }
    return is_static;
}

void block() {
    int saved = nlocs;
    next();
    while (tok != '}' && tok != T_EOF && !failed) statement();
    expect('}');
    nlocs = saved;
}

void statement() {
    int saved_brk = brk_label;
    int saved_cont = cont_label;
    if (tok == '{') { block(); return; }
    if (tok == ';') { next(); return; }
    if (is_type_start()) { int st = type_words(); local_declaration(st); return; }
    if (tok == T_IF) {
        int other = newlabel();
        next();
        expect('(');
        jump_if_false(other);
        expect(')');
        statement();
        if (tok == T_ELSE) {
            int done = newlabel();
            jump(JMP, done);
            here(other);
            next();
            statement();
            here(done);
        } else here(other);
        return;
    }
    if (tok == T_WHILE) {
        cont_label = newlabel();
        brk_label = newlabel();
        next();
        here(cont_label);
        expect('(');
        jump_if_false(brk_label);
        expect(')');
        statement();
        jump(JMP, cont_label);
        here(brk_label);
        brk_label = saved_brk;
        cont_label = saved_cont;
        return;
    }
    if (tok == T_DO) {
        int top = newlabel();
        cont_label = newlabel();
        brk_label = newlabel();
        next();
        here(top);
        statement();
        here(cont_label);
        expect(T_WHILE);
        expect('(');
        expression();
        e2(CMP, 0, ZERO);
        jump(JNZ, top);
        expect(')');
        expect(';');
        here(brk_label);
        brk_label = saved_brk;
        cont_label = saved_cont;
        return;
    }
    if (tok == T_FOR) {
        // for (init; cond; step) body, laid out as: init, test, body, step, jump to test
        int scope = nlocs;
        int test = newlabel();
        int body = newlabel();
        cont_label = newlabel();
        brk_label = newlabel();
        next();
        expect('(');
        if (is_type_start()) { int st = type_words(); local_declaration(st); }
        else { if (tok != ';') expression(); expect(';'); }
        here(test);
        if (tok != ';') jump_if_false(brk_label);
        expect(';');
        jump(JMP, body);
        here(cont_label);
        if (tok != ')') expression();
        expect(')');
        jump(JMP, test);
        here(body);
        statement();
        jump(JMP, cont_label);
        here(brk_label);
        nlocs = scope;
        brk_label = saved_brk;
        cont_label = saved_cont;
        return;
    }
    if (tok == T_SWITCH) {
        // the selector goes to a frame word; each case tests it and jumps to the next test
        int saved_slot = sw_slot;
        int saved_next = sw_next;
        int saved_default = sw_default;
        int saved_in = in_switch;
        next();
        expect('(');
        expression();
        expect(')');
        fdepth++;
        sw_slot = -fdepth;
        mem(STORE, 0, sw_slot, FP);
        sw_next = newlabel();
        sw_default = 0;
        in_switch = 1;
        brk_label = newlabel();
        jump(JMP, sw_next);
        if (tok != '{') error_expected('{');
        block();
        jump(JMP, brk_label);
        here(sw_next);
        if (sw_default) jump(JMP, sw_default);
        here(brk_label);
        sw_slot = saved_slot;
        sw_next = saved_next;
        sw_default = saved_default;
        in_switch = saved_in;
        brk_label = saved_brk;
        return;
    }
    if (tok == T_CASE) {
        if (!in_switch) { error(9); return; }
        next();
        int v = const_binary(1);
        expect(':');
        int skip = newlabel();
        jump(JMP, skip);
        here(sw_next);
        sw_next = newlabel();
        mem(LOAD, 0, sw_slot, FP);
        li(1, v);
        e2(CMP, 0, 1);
        jump(JNZ, sw_next);
        here(skip);
        return;
    }
    if (tok == T_DEFAULT) {
        if (!in_switch) { error(9); return; }
        next();
        expect(':');
        sw_default = newlabel();
        here(sw_default);
        return;
    }
    if (tok == T_BREAK || tok == T_CONTINUE) {
        int target = brk_label;
        if (tok == T_CONTINUE) target = cont_label;
        if (target == 0) { error(10); return; }
        next();
        expect(';');
        jump(JMP, target);
        return;
    }
    if (tok == T_RETURN) {
        next();
        if (tok != ';') expression();
        expect(';');
        jump(JMP, ret_label);
        return;
    }
    expression();
    expect(';');
}

// ---------------------------------------------------------------- declarations

// A function definition after its name: parameters, body, frame.
void function(int s) {
    int n = 0;
    nlocs = 0;
    fdepth = 0;
    next();
    if (tok == T_VOID) next();
    while (tok != ')' && !failed) {
        type_words();
        if (tok != T_ID) { error(14); return; }
        add_local(tokval, K_LVAR, n, 1);   // its offset once the number of parameters is known
        n++;
        next();
        if (tok != ',') break;
        next();
    }
    expect(')');
    int i = 0;
    while (i < nlocs) { loc_val[i] = 2 + n - 1 - loc_val[i]; i++; }
    if (tok == ';') { next(); if (sym_kind[s] == K_NAME) sym_kind[s] = K_FUNCREF; return; }
    if (sym_kind[s] == K_FUNC) { tok = T_ID; tokval = s; error(12); return; }
    sym_kind[s] = K_FUNC;
    in_main = 0;
    if (NAMES[sym_name[s]] == 'm' && NAMES[sym_name[s] + 1] == 'a' && NAMES[sym_name[s] + 2] == 'i'
        && NAMES[sym_name[s] + 3] == 'n' && NAMES[sym_name[s] + 4] == 0) in_main = 1;
    int frame = newlabel();
    int body = newlabel();
    ret_label = newlabel();
    oc('_'); oname(s); oc(':'); oc('\n');
    e1(PUSH, FP);
    e2(MOV, FP, SP);
    jump(JMP, frame);
    here(body);
    if (tok != '{') { error_expected('{'); return; }
    block();
    li(0, 0);                          // falling off the end returns 0
    here(ret_label);
    e2(MOV, SP, FP);
    e1(POP, FP);
    e0(RET);
    here(frame);
    addi(SP, FP, -fdepth);
    jump(JMP, body);
    in_main = 0;
}

void global_declaration() {
    type_words();
    while (!failed) {
        if (tok != T_ID) { error(14); return; }
        int s = tokval;
        next();
        if (tok == '(') { function(s); return; }
        int is_array = 0;
        int len = 1;
        if (tok == '[') { is_array = 1; len = array_length(); }
        int kind = K_GVAR;
        if (is_array) kind = K_GARR;
        if (sym_kind[s] == kind) {
            // a repeated file-scope declaration (C's tentative definition) is the same
            // variable; at most one of them has an initializer
            if (tok == '=') {
                if (sym_init[s]) { tok = T_ID; tokval = s; error(12); return; }
                sym_init[s] = 1;
                if (initializer(sym_val[s], is_array) > sym_len[s]) error(7);
            }
        } else {
            if (sym_kind[s] != K_NAME) { tok = T_ID; tokval = s; error(12); return; }
            sym_init[s] = tok == '=';
            int addr = global_storage(s, is_array, len);
            sym_kind[s] = kind;
            sym_val[s] = addr;
            sym_len[s] = gtop - addr;
            note_global(s, addr, gtop - addr);
        }
        if (tok != ',') break;
        next();
    }
    expect(';');
}

// ---------------------------------------------------------------- the program

// The page-fault handler of tc.computer.runtime.PagerRuntime for the seed machine's sizes
// (16 frames of 16 words, 1,024-word sectors, 16,384 sectors), as assembly. The seed machine
// starts with no page mapped, so every program carries it.
void pager(int words) {
    int bits = 0;
    while ((1 << bits) < words) bits++;
    int l2 = (bits - 4) / 2;
    int first_swap = 16384 - words / 1024;
    oc('P'); oc('h'); oc('a'); oc('n'); oc('d'); oc('l'); oc('e'); oc('r'); oc(':'); oc('\n');
    li(0, 0);
    mem(LOAD, 10, DEV + 16, 0);
    mem(LOAD, 11, DEV + 17, 0);
    mem(LOAD, 12, DEV + 18, 0);
    mem(LOAD, 13, DEV + 19, 0);
    mem(LOAD, 1, DEV + 49, 0);
    mem(LOAD, 2, 0, 0);
    addi(3, 2, 1);
    li(9, 16);
    e2(CMP, 3, 9);
    oop(JLT); oc('P'); oc('h'); oc('a'); oc('n'); oc('d'); oc('\n');
    li(3, 1);
    oc('P'); oc('h'); oc('a'); oc('n'); oc('d'); oc(':'); oc('\n');
    mem(STORE, 3, 0, 0);
    mem(LOAD, 4, 0, 2);
    e2(CMP, 4, 0);
    oop(JZ); oc('P'); oc('i'); oc('n'); oc('\n');
    addi(4, 4, -1);
    swap_position(4, first_swap);
    swap_page(6);
    pte_index(4, l2);
    mem(STORE, 0, DEV + 53, 0);
    mem(STORE, 4, DEV + 54, 0);
    oc('P'); oc('i'); oc('n'); oc(':'); oc('\n');
    swap_position(1, first_swap);
    swap_page(5);
    pte_index(1, l2);
    li(7, 1);
    e3(SHL, 9, 2, 7);
    e3(OR, 9, 9, 7);
    mem(STORE, 9, DEV + 53, 0);
    addi(9, 1, 1);
    mem(STORE, 9, 0, 2);
    mem(STORE, 10, DEV + 16, 0);
    mem(STORE, 11, DEV + 17, 0);
    mem(STORE, 12, DEV + 18, 0);
    mem(STORE, 13, DEV + 19, 0);
    mem(STORE, 0, DEV + 51, 0);
}

// r5 := swap sector of the page in register page, r6 := its word offset there
void swap_position(int page, int first_swap) {
    li(7, 4);
    e3(SHL, 3, page, 7);
    li(7, 10);
    e3(SHR, 5, 3, 7);
    addi(5, 5, first_swap);
    li(7, 1023);
    e3(AND, 6, 3, 7);
}

// SWAP_IN (5) or SWAP_OUT (6) of the page in frame r2
void swap_page(int command) {
    mem(STORE, 5, DEV + 16, 0);
    mem(STORE, 6, DEV + 17, 0);
    li(7, 4);
    e3(SHL, 9, 2, 7);
    mem(STORE, 9, DEV + 18, 0);
    li(9, 16);
    mem(STORE, 9, DEV + 19, 0);
    li(9, command);
    mem(STORE, 9, DEV + 20, 0);
}

// PT_INDEX := the index of the page's entry (its directory entry, then the slot in its table)
void pte_index(int page, int l2) {
    li(7, l2);
    e3(SHR, 8, page, 7);
    mem(STORE, 8, DEV + 52, 0);
    mem(LOAD, 8, DEV + 53, 0);
    li(7, (1 << l2) - 1);
    e3(AND, 9, page, 7);
    e3(ADD, 8, 8, 9);
    mem(STORE, 8, DEV + 52, 0);
}

int main() {
    predefine();
    // start-up: r14 = 0, the page-fault handler installed, main called, its value left in r0
    li(ZERO, 0);
    oop(LI); oreg(1); osep(); oc('P'); oc('h'); oc('a'); oc('n'); oc('d'); oc('l'); oc('e'); oc('r'); oc('\n');
    mem(STORE, 1, DEV + 48, ZERO);
    oop(CALL); oc('_'); oc('m'); oc('a'); oc('i'); oc('n'); oc('\n');
    e0(HALT);
    readc();
    next();
    while (tok != T_EOF && !failed) {
        if (!is_type_start()) { error(14); break; }
        global_declaration();
    }
    // every function called must be defined, and main must be
    int s = 0;
    while (s < nsyms && !failed) {
        if (sym_kind[s] == K_FUNCREF && sym_line[s]) { tok = T_ID; tokval = s; tokline = sym_line[s]; error(8); }
        s++;
    }
    idbuf[0] = 'm'; idbuf[1] = 'a'; idbuf[2] = 'i'; idbuf[3] = 'n';
    if (!failed && sym_kind[intern(4)] != K_FUNC) error(13);
    int words = 16384;
    while (words < gtop + STACK_WORDS) words = words * 2;
    if (!failed) pager(words);
    if (failed) {
        failed = 1;
        oc('\n');
        int i = 0;
        while (i < nout) { putchar(out_char(i)); i++; }
        return 1;
    }
    // .memory first, then the code and data written so far
    putchar('.'); putchar('m'); putchar('e'); putchar('m'); putchar('o'); putchar('r'); putchar('y'); putchar(' ');
    int digits[12];
    int k = 0;
    while (1) { digits[k] = '0' + words % 10; k++; words = words / 10; if (words == 0) break; }
    while (k > 0) { k--; putchar(digits[k]); }
    putchar('\n');
    int i = 0;
    while (i < nout) { putchar(out_char(i)); i++; }
    return 0;
}
