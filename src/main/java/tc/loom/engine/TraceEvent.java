package tc.loom.engine;

import tc.loom.isa.Instruction;

/**
 * One executed instruction.
 *
 * @param step        1-based number of this step
 * @param pc          column of the instruction
 * @param instruction what ran
 * @param nextPc      column of the next instruction (0 after HALT)
 * @param writes      memory writes as pairs (index, new value), in order; empty if none
 */
public record TraceEvent(long step, int pc, Instruction instruction, int nextPc, int[] writes) {}
