/**
 * The seed machine's memory hierarchy: TLB, two-level page tables, cache and main memory (see the
 * seed machine section of docs/tensor-computer.md). Lookups that hit are O(1) array reads; only
 * misses scan or walk.
 */
package tc.computer.memory;
