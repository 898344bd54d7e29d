package dev.stride.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.model.LayerNode;
import dev.stride.engine.project.Project;
import dev.stride.engine.project.Templates;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.NodeAnalysis;
import dev.stride.engine.shape.ShapeInference;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every template opens in the designer with zero errors, laid out, and its summary is {@code stride summary}'s. */
class DesignerTemplatesTest {

    static Stream<Templates.Template> templates() {
        return Templates.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void opensWithoutErrorsAndTheSummaryMatchesTheEngine(Templates.Template template,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        DesignerViewModel model = new DesignerViewModel();
        model.load(Project.of(template.network().get()), null, false);

        assertThat(model.analysis().errors()).as(template.id()).isEmpty();
        assertThat(model.positions()).hasSize(model.network().size());
        assertThat(model.positions().values()).as("no two cards on the same spot").doesNotHaveDuplicates();

        NetworkAnalysis engine = ShapeInference.analyze(template.network().get());
        List<SummaryView.Row> rows = SummaryView.rows(model.network(), model.analysis());
        assertThat(rows).hasSize(engine.nodes().size());
        for (int i = 0; i < rows.size(); i++) {
            LayerNode node = model.network().nodes().get(i);
            NodeAnalysis expected = engine.node(node.id()).orElseThrow();
            SummaryView.Row row = rows.get(i);
            assertThat(row.layer()).isEqualTo(node.name() + " (" + node.spec().kerasClassName() + ")");
            assertThat(row.shape()).isEqualTo(expected.outputShape().toKerasString());
            assertThat(row.params()).isEqualTo(expected.totalParams());
            assertThat(row.macs()).isEqualTo(expected.macs());
        }
        assertThat(rows.stream().mapToLong(SummaryView.Row::params).sum()).isEqualTo(engine.totalParams());

        // The same project through the command line: `stride summary --json` agrees row by row.
        java.nio.file.Path file = folder.resolve(template.id() + ".stride");
        dev.stride.engine.project.ProjectFile.write(model.toProject(), file);
        java.io.StringWriter out = new java.io.StringWriter();
        int exit = dev.stride.engine.cli.StrideCli.run(new String[] {"summary", "--json", file.toString()},
                new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()));
        assertThat(exit).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(json.get("total_params").asLong()).isEqualTo(model.analysis().totalParams());
        for (var layer : json.get("layers")) {
            SummaryView.Row row = rows.stream()
                    .filter(r -> r.layer().equals(layer.get("name").asText() + " (" + layer.get("type").asText() + ")"))
                    .findFirst().orElseThrow(() -> new AssertionError("no row for " + layer));
            List<String> dims = new java.util.ArrayList<>();
            layer.get("output_shape").forEach(d -> dims.add(d.isNull() ? "None" : d.asText()));
            assertThat(row.shape()).isEqualTo("(None, " + String.join(", ", dims) + ")");
            assertThat(row.params()).isEqualTo(layer.get("params").asLong());
        }
    }
}
