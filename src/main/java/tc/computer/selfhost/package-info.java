/**
 * The self-hosting C compiler ({@code tc/selfhost/selfhost.c}, a compiler for a subset of C
 * written in that subset) and its three stages on the seed machine: stage 1, {@code tc} compiles
 * it; stage 2, stage 1 running on the machine compiles it; stage 3, stage 2's output running on
 * the machine compiles it again. See docs/selfhost.md.
 */
package tc.computer.selfhost;
