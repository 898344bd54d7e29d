package dev.stride.engine.project;

/** Where a node sits on the design canvas, in canvas units (top-left corner). */
public record NodePosition(double x, double y) {
}
