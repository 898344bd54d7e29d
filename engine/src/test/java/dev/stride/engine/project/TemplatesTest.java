package dev.stride.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.model.AddSpec;
import dev.stride.engine.model.Conv2DTransposeSpec;
import dev.stride.engine.shape.NetworkAnalysis;
import dev.stride.engine.shape.ShapeInference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    static Stream<Templates.Template> templates() {
        return Templates.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyTemplateAnalysesWithoutErrors(Templates.Template template) {
        NetworkAnalysis analysis = ShapeInference.analyze(template.network().get());
        assertThat(analysis.errors()).as(template.id()).isEmpty();
        assertThat(analysis.totalParams()).isPositive();
    }

    @Test
    void theKerasIoConvnetHasItsPublishedParameterCount() {
        assertThat(ShapeInference.analyze(Templates.mnistConvnet()).totalParams()).isEqualTo(34_826);
    }

    @Test
    void theResidualTemplateMergesWithAddAndTheAutoencoderDecodesWithTransposedConvolutions() {
        assertThat(Templates.resnetSmall().nodes()).filteredOn(n -> n.spec() instanceof AddSpec).hasSize(2);
        assertThat(Templates.convAutoencoder().nodes())
                .filteredOn(n -> n.spec() instanceof Conv2DTransposeSpec).hasSize(2);
        NetworkAnalysis autoencoder = ShapeInference.analyze(Templates.convAutoencoder());
        var last = Templates.convAutoencoder().sinks().get(0);
        assertThat(autoencoder.node(last).orElseThrow().outputShape().dims()).containsExactly(28, 28, 1);
    }
}
