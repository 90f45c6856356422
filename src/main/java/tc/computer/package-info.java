/**
 * The Tensor Computer (issue 4): a 32-opcode register machine whose programs are real-valued
 * parameters (112 per instruction), run exactly by a discrete interpreter and softly, by a
 * differentiable machine that reproduces the interpreter as the temperature goes to 0.
 *
 * <p>Stages: {@code isa} (opcodes, instructions, the 112-parameter encoding), {@code interp} (the
 * discrete machine, the semantics every other engine is checked against), {@code soft} (the
 * differentiable machine and its gradients). The C compiler's second back end is
 * {@code tc.backend.computer}. The ISA reference is docs/tensor-computer.md.
 */
package tc.computer;
