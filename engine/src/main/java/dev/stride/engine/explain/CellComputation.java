package dev.stride.engine.explain;

/** The numbers of one frame: the values under each kernel tap, the products with the weights, and their sum. */
public record CellComputation(int[][] values, int[][] weights, int[][] products, long sum) {
}
