package dev.stride.engine.training;

import dev.stride.engine.export.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The runs kept for one project: one JSON file per run in a {@code <project>.runs/} folder beside the project file,
 * each written atomically. A file that cannot be read is skipped (and named in {@link #unreadable()}), never fatal.
 */
public final class RunHistory {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path folder;
    private final List<Path> unreadable = new ArrayList<>();

    public RunHistory(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** The history beside a project file: {@code lenet.stride} keeps its runs in {@code lenet.stride.runs/}. */
    public static RunHistory beside(Path projectFile) {
        Path absolute = projectFile.toAbsolutePath();
        return new RunHistory(absolute.resolveSibling(absolute.getFileName() + ".runs"));
    }

    public Path folder() {
        return folder;
    }

    /** Saves a run as {@code <id>.json}, replacing an earlier file of the same id. */
    public Path save(RunRecord run) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(run.id() + ".json");
        AtomicFiles.write(target, out -> out.write(JSON.writeValueAsBytes(run)));
        return target;
    }

    /** Every readable run, oldest first. */
    public List<RunRecord> list() throws IOException {
        unreadable.clear();
        List<RunRecord> runs = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return runs;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : files) {
                try {
                    runs.add(JSON.readValue(file.toFile(), RunRecord.class));
                } catch (IOException | RuntimeException e) {
                    unreadable.add(file);
                }
            }
        }
        // Start time first: two runs in the same second have ids whose random suffixes do not say which came first.
        runs.sort(Comparator.comparing(RunHistory::startedAt).thenComparing(RunRecord::id));
        return runs;
    }

    private static java.time.Instant startedAt(RunRecord run) {
        try {
            return java.time.Instant.parse(run.started());
        } catch (RuntimeException e) {
            return java.time.Instant.EPOCH;
        }
    }

    /** Files the last {@link #list()} could not read. */
    public List<Path> unreadable() {
        return List.copyOf(unreadable);
    }

    public void delete(String id) throws IOException {
        Files.deleteIfExists(folder.resolve(id + ".json"));
    }

    /** What differs between two runs: settings (by Keras name), dataset, and the design, line by line. */
    public static List<String> differences(RunRecord a, RunRecord b) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(a.dataset(), b.dataset())) {
            out.add("dataset: " + a.dataset() + " → " + b.dataset());
        }
        JsonNode left = JSON.valueToTree(a.settings());
        JsonNode right = JSON.valueToTree(b.settings());
        diffTrees("", left, right, out);
        if (!Objects.equals(a.architectureFingerprint(), b.architectureFingerprint())) {
            List<String> onlyA = new ArrayList<>(a.architecture());
            onlyA.removeAll(b.architecture());
            List<String> onlyB = new ArrayList<>(b.architecture());
            onlyB.removeAll(a.architecture());
            for (String line : onlyA) {
                out.add("design − " + line);
            }
            for (String line : onlyB) {
                out.add("design + " + line);
            }
        }
        return out;
    }

    private static void diffTrees(String prefix, JsonNode left, JsonNode right, List<String> out) {
        TreeSet<String> names = new TreeSet<>();
        if (left != null) {
            left.fieldNames().forEachRemaining(names::add);
        }
        if (right != null) {
            right.fieldNames().forEachRemaining(names::add);
        }
        for (String name : names) {
            JsonNode l = left == null ? null : left.get(name);
            JsonNode r = right == null ? null : right.get(name);
            if (l != null && r != null && l.isObject() && r.isObject()) {
                diffTrees(prefix + name + ".", l, r, out);
            } else if (!Objects.equals(l, r)) {
                out.add(prefix + name + ": " + text(l) + " → " + text(r));
            }
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "none";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    /** A run id that sorts by time: {@code 2026-11-23T11-04-28Z-a1b2}. */
    public static String newId(java.time.Instant started) {
        String time = java.time.format.DateTimeFormatter.ISO_INSTANT
                .format(started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).replace(':', '-');
        int suffix = java.util.concurrent.ThreadLocalRandom.current().nextInt(0x1000, 0x10000);
        return time + "-" + Integer.toHexString(suffix);
    }
}
