package dev.stride.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.data.vision.ResizeMode;
import dev.stride.engine.data.vision.ShapeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedAndTabularDatasetTest {

    @TempDir
    Path folder;

    @Test
    void shapesAreDeterministicPerSeedAndClassBalanced() {
        ShapesDataset a = new ShapesDataset(List.of(ShapeKind.values()), 20, 32, 5);
        ShapesDataset b = new ShapesDataset(List.of(ShapeKind.values()), 20, 32, 5);
        ShapesDataset other = new ShapesDataset(List.of(ShapeKind.values()), 20, 32, 6);
        assertThat(a.size()).isEqualTo(120);
        assertThat(a.balance().counts()).containsOnly(20);
        assertThat(a.classNames()).containsExactly("circle", "square", "triangle", "star", "hexagon", "cross");
        for (int i = 0; i < a.size(); i += 7) {
            assertThat(a.read(i)).isEqualTo(b.read(i));
            assertThat(a.read(i)).isNotEqualTo(other.read(i));
        }
        assertThat(a.read(0)).isNotEqualTo(a.read(6));
        ImageData image = a.read(3);
        assertThat(image.width()).isEqualTo(32);
        assertThat(image.channels()).isEqualTo(3);
    }

    @Test
    void shapesDrawTheirClass() {
        // A square covers more of its bounding circle than a star of the same radius: check via pixel counts is
        // fragile under random colours, so compare a noise-free property instead: classes differ in silhouette.
        ShapesDataset dataset = new ShapesDataset(List.of(ShapeKind.CIRCLE, ShapeKind.STAR), 1, 64, 1);
        assertThat(dataset.read(0)).isNotEqualTo(dataset.read(1));
        assertThat(dataset.itemsOfClass(1)).extracting(DatasetItem::name).containsExactly("star #0");
    }

    @Test
    void stratifiedSplitsKeepClassProportionsAndDependOnlyOnTheSeed() {
        int[] labels = new int[300];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 200 ? 0 : i < 290 ? 1 : 2; // 200 / 90 / 10
        }
        DatasetSplit split = DatasetSplit.stratified(labels, 3, 0.2, 0.1, 9);
        assertThat(split.train().length + split.validation().length + split.test().length).isEqualTo(300);
        assertThat(count(split.validation(), labels, 0)).isEqualTo(40);
        assertThat(count(split.validation(), labels, 1)).isEqualTo(18);
        assertThat(count(split.validation(), labels, 2)).isEqualTo(2);
        assertThat(count(split.test(), labels, 2)).isEqualTo(1);
        int[] all = new int[300];
        for (int[] part : List.of(split.train(), split.validation(), split.test())) {
            for (int i : part) {
                all[i]++;
            }
        }
        assertThat(all).containsOnly(1);
        assertThat(DatasetSplit.stratified(labels, 3, 0.2, 0.1, 9)).isEqualTo(split);
        assertThat(DatasetSplit.stratified(labels, 3, 0.2, 0.1, 10)).isNotEqualTo(split);
    }

    private static long count(int[] indices, int[] labels, int label) {
        return Arrays.stream(indices).filter(i -> labels[i] == label).count();
    }

    @Test
    void csvRowsWithBadValuesAreSkippedWithTheirLineNumbers() throws Exception {
        Path csv = folder.resolve("t.csv");
        Files.writeString(csv, "a,b,species\n1,2,x\n3,4,y\n5,oops,x\n\n6,7\n8,9,y\n");
        TabularDataset table = TabularDataset.load(csv, null);
        assertThat(table.featureNames()).containsExactly("a", "b");
        assertThat(table.classNames()).containsExactly("x", "y");
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.features(2)).containsExactly(8f, 9f);
        assertThat(table.labels()).containsExactly(0, 1, 1);
        assertThat(table.skipped()).extracting(SkippedFile::reason).containsExactly(
                "line 4: 'oops' in column 'b' is not a number", "line 6: 2 values, the header has 3");
        Files.writeString(csv, "a,label\n1,x\n2,x\n");
        assertThatThrownBy(() -> TabularDataset.load(csv, null)).hasMessageContaining("only one class ('x')");
    }

    @Test
    void specsBindFromProjectJsonAndLoadRelativeToTheProject() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        DatasetSpec spec = mapper.readValue("{\"type\":\"shapes\",\"shapes\":[\"circle\",\"star\"],"
                + "\"imagesPerClass\":3,\"imageSize\":16,\"seed\":1,\"resize\":\"center-crop\","
                + "\"futureField\":true}", DatasetSpec.class);
        assertThat(spec.type()).isEqualTo(DatasetType.SHAPES);
        assertThat(spec.preprocessingFor(32, 32, 3).resize()).isEqualTo(ResizeMode.CENTER_CROP);
        assertThat(spec.preprocessingFor(32, 32, 3).width()).isEqualTo(32);
        Dataset shapes = DatasetLoader.load(spec, folder);
        assertThat(shapes.size()).isEqualTo(6);
        assertThat(mapper.readValue(mapper.writeValueAsString(spec), DatasetSpec.class)).isEqualTo(spec);
        assertThat(mapper.writeValueAsString(DatasetSpec.of(DatasetType.IMAGE_FOLDER, "pets")))
                .isEqualTo("{\"type\":\"image-folder\",\"path\":\"pets\"}");

        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data").resolve("t.csv"), "x,y,label\n1,2,a\n3,4,b\n");
        Dataset table = DatasetLoader.load(mapper.readValue("{\"type\":\"csv\",\"path\":\"data/t.csv\"}",
                DatasetSpec.class), folder);
        assertThat(table).isInstanceOf(TabularDataset.class);
        assertThat(table.classNames()).containsExactly("a", "b");
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"csv\"}", DatasetSpec.class))
                .hasMessageContaining("needs a \"path\"");
    }
}
