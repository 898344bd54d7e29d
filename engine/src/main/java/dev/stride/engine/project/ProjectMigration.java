package dev.stride.engine.project;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Rewrites a project JSON tree from {@link #fromVersion()} to the next version, before any binding happens. */
public interface ProjectMigration {
    int fromVersion();

    /** Changes {@code project} in place; it then has formatVersion {@code fromVersion() + 1}. */
    void migrate(ObjectNode project) throws ProjectFileException;
}
