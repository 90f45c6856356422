/**
 * The seed machine's memory hierarchy: TLB, two-level page tables, cache and main memory
 * (docs/seed-machine.md). A TLB or cache hit is O(1) array work (a key → slot array and a
 * recency list in arrays); only a TLB miss walks the page table.
 */
package tc.computer.memory;
