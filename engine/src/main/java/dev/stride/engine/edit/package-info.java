/**
 * Undoable edits of an immutable network: {@link dev.stride.engine.edit.EditCommand}s applied through an
 * {@link dev.stride.engine.edit.EditHistory}, the pure core of the designer's undo/redo.
 */
package dev.stride.engine.edit;
