package dev.stride.engine.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A CSV table: a header row, numeric feature columns and one label column (any text; classes sorted by name).
 * Rows with a missing or non-numeric value are skipped with their line number.
 */
public final class TabularDataset implements Dataset {
    private static final List<String> LABEL_COLUMN_NAMES = List.of("label", "class", "species", "target", "y");

    private final Path file;
    private final List<String> featureNames;
    private final List<String> classNames;
    private final float[][] features;
    private final int[] labels;
    private final List<SkippedFile> skipped;

    private TabularDataset(Path file, List<String> featureNames, List<String> classNames, float[][] features,
                           int[] labels, List<SkippedFile> skipped) {
        this.file = file;
        this.featureNames = List.copyOf(featureNames);
        this.classNames = List.copyOf(classNames);
        this.features = features;
        this.labels = labels;
        this.skipped = List.copyOf(skipped);
    }

    /**
     * Reads {@code file}.
     *
     * @param labelColumn the label column's header; null picks "label", "class", "species", "target" or "y",
     *                    else the last column
     */
    public static TabularDataset load(Path file, String labelColumn) {
        Path absolute = file.toAbsolutePath().normalize();
        List<String> lines;
        try (BufferedReader reader = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
            lines = reader.lines().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DatasetException("cannot read CSV file " + absolute + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new DatasetException("CSV file " + absolute + " is empty: it needs a header row and data rows");
        }
        List<String> header = split(lines.get(0));
        int labelIndex = labelColumnIndex(header, labelColumn, absolute);
        if (header.size() < 2) {
            throw new DatasetException("CSV file " + absolute + " has " + header.size()
                    + " column; it needs at least one feature column and a label column");
        }
        List<String> featureNames = new ArrayList<>(header);
        featureNames.remove(labelIndex);
        List<float[]> rows = new ArrayList<>();
        List<String> rowLabels = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (int lineNumber = 2; lineNumber <= lines.size(); lineNumber++) {
            String line = lines.get(lineNumber - 1);
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = split(line);
            if (cells.size() != header.size()) {
                skipped.add(new SkippedFile(absolute, "line " + lineNumber + ": " + cells.size() + " values, the "
                        + "header has " + header.size()));
                continue;
            }
            float[] row = new float[featureNames.size()];
            String problem = null;
            for (int c = 0, f = 0; c < cells.size() && problem == null; c++) {
                if (c == labelIndex) {
                    continue;
                }
                try {
                    row[f] = Float.parseFloat(cells.get(c));
                    if (!Float.isFinite(row[f])) {
                        problem = "'" + cells.get(c) + "' in column '" + header.get(c) + "' is not finite";
                    }
                } catch (NumberFormatException e) {
                    problem = "'" + cells.get(c) + "' in column '" + header.get(c) + "' is not a number";
                }
                f++;
            }
            String label = cells.get(labelIndex);
            if (problem == null && label.isEmpty()) {
                problem = "the label is empty";
            }
            if (problem != null) {
                skipped.add(new SkippedFile(absolute, "line " + lineNumber + ": " + problem));
                continue;
            }
            rows.add(row);
            rowLabels.add(label);
        }
        if (rows.isEmpty()) {
            throw new DatasetException("CSV file " + absolute + " has no usable row (" + skipped.size()
                    + " skipped)");
        }
        List<String> classNames = new ArrayList<>(new TreeSet<>(rowLabels));
        if (classNames.size() < 2) {
            throw new DatasetException("only one class ('" + classNames.get(0) + "') in column '"
                    + header.get(labelIndex) + "' of " + absolute + ": a classifier needs at least two");
        }
        int[] labels = rowLabels.stream().mapToInt(classNames::indexOf).toArray();
        return new TabularDataset(absolute, featureNames, classNames, rows.toArray(float[][]::new), labels,
                skipped);
    }

    private static int labelColumnIndex(List<String> header, String labelColumn, Path file) {
        if (labelColumn != null) {
            int index = header.indexOf(labelColumn);
            if (index < 0) {
                throw new DatasetException("CSV file " + file + " has no column '" + labelColumn + "'; columns: "
                        + String.join(", ", header));
            }
            return index;
        }
        for (String candidate : LABEL_COLUMN_NAMES) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).toLowerCase(Locale.ROOT).equals(candidate)) {
                    return i;
                }
            }
        }
        return header.size() - 1;
    }

    /** Comma-separated cells, trimmed, with optional double quotes (no commas inside quotes in numeric tables). */
    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }

    public Path file() {
        return file;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /** Row {@code index}'s features (a copy). */
    public float[] features(int index) {
        return features[index].clone();
    }

    @Override
    public String description() {
        return "CSV table " + file;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public List<SkippedFile> skipped() {
        return skipped;
    }
}
