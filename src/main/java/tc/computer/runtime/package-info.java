/**
 * Runtimes for the seed machine written in Tensor Computer instructions: the demand-paging
 * page-fault handler ({@link tc.computer.runtime.PagerRuntime}).
 */
package tc.computer.runtime;
