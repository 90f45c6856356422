/**
 * Soft relaxations of the seed machine's parts beyond the CPU (issue 15): the cache's LRU
 * directory ({@link tc.computer.soft.parts.SoftCache}), the TLB and its two-level page-table walk
 * ({@link tc.computer.soft.parts.SoftTlb}), the bus's arbitration and address decoding
 * ({@link tc.computer.soft.parts.SoftBus}), the GPU's kernels ({@link tc.computer.soft.parts.SoftGpu})
 * and a memory-mapped content-addressing head ({@link tc.computer.soft.parts.SoftContentHead}).
 *
 * <p>Each part has the three faces of the CPU: a discrete definition (the seed contract), a soft
 * form that equals it at integer inputs as τ → 0 (exactly, in double precision, once the
 * exponentials involved underflow: τ = 1e-3 suffices), and a hand-written adjoint
 * ({@code backward}) that re-evaluates the step from the state before it, as
 * {@code tc.computer.soft.SoftStep} does. See docs/tensor-computer-soft-parts.md.
 */
package tc.computer.soft.parts;
