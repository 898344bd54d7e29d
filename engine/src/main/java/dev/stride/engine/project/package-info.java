/**
 * The {@code *.stride} project file: versioned JSON with stable (Keras) type names, migrations on the JSON tree and
 * atomic writes; training and dataset settings travel as opaque JSON for their owning packages to bind.
 */
package dev.stride.engine.project;
