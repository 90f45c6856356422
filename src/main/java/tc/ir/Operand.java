package tc.ir;

/** A value an IR instruction reads: a variable or an immediate word. */
public sealed interface Operand permits Var, Imm {}
