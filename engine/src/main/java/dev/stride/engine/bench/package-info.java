/** Benchmarks of Stride's hot paths, run by {@code stride bench}; never part of the test suite. */
package dev.stride.engine.bench;
