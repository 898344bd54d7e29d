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

/** Every template opens in the designer with zero errors, laid out, and its summary is the engine's. */
class DesignerTemplatesTest {

    static Stream<Templates.Template> templates() {
        return Templates.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void opensWithoutErrorsAndTheSummaryMatchesTheEngine(Templates.Template template) {
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
    }
}
