package dev.stride.engine.export;

import java.util.List;

/** The sample projects shipped in samples/*.stride, found at test time so new samples are picked up. */
final class SampleProjects {
    private SampleProjects() {
    }

    static List<ExportFixtures.Named> networks() {
        return List.of();
    }
}
