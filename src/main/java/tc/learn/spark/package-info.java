/**
 * The population search's islands on Apache Spark. Spark is a provided dependency: only this
 * package names it, and only {@code tc learn --spark} loads it.
 */
package tc.learn.spark;
