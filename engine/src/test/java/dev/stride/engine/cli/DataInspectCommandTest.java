package dev.stride.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.engine.data.vision.ImageCodec;
import dev.stride.engine.data.vision.ShapeKind;
import dev.stride.engine.data.vision.ShapeRenderer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataInspectCommandTest {
    @TempDir
    Path folder;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run stride(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StrideCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private void image(String path, ShapeKind kind, int size, String format) throws Exception {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, ImageCodec.encode(ShapeRenderer.render(kind, size, path.hashCode()), format));
    }

    @Test
    void aUsableFolderListsClassesSizesAndSkippedFilesAndExitsZero() throws Exception {
        image("pets/cats/a.png", ShapeKind.CIRCLE, 32, "png");
        image("pets/cats/b.jpg", ShapeKind.CIRCLE, 48, "jpg");
        image("pets/dogs/c.png", ShapeKind.STAR, 32, "png");
        Files.writeString(folder.resolve("pets/dogs/d.jpg"), "text, not a photo");
        Run run = stride("data", "inspect", folder.resolve("pets").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Classes   2, 3 usable examples").contains("cats").contains("dogs")
                .contains("32×32×3       2").contains("48×48×3       1")
                .contains("d.jpg: not an image: the file contains text").contains("Usable    yes");
    }

    @Test
    void anUnusableDatasetExitsTwoWithTheReason() throws Exception {
        image("pets/cats/a.png", ShapeKind.CIRCLE, 32, "png");
        Run single = stride("data", "inspect", folder.resolve("pets").toString());
        assertThat(single.exitCode()).isEqualTo(2);
        assertThat(single.err()).contains("only one class ('cats')").doesNotContain("Exception");

        Run missing = stride("data", "inspect", folder.resolve("nothing").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");
    }

    @Test
    void aClassWhoseFilesAllFailToDecodeIsUnusable() throws Exception {
        image("pets/cats/a.png", ShapeKind.CIRCLE, 32, "png");
        byte[] corrupt = new byte[300];
        corrupt[0] = (byte) 0xFF;
        corrupt[1] = (byte) 0xD8;
        corrupt[2] = (byte) 0xFF;
        corrupt[298] = (byte) 0xFF;
        corrupt[299] = (byte) 0xD9;
        Files.createDirectories(folder.resolve("pets/dogs"));
        Files.write(folder.resolve("pets/dogs/x.jpg"), corrupt);
        Run run = stride("data", "inspect", folder.resolve("pets").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("x.jpg: corrupt JPEG");
        assertThat(run.err()).contains("class folder " + folder.resolve("pets/dogs") + " has no usable image");
    }

    @Test
    void aProjectFileInspectsItsDatasetBlock() throws Exception {
        Path project = folder.resolve("demo.stride");
        Files.writeString(project, "{\"format\":\"stride-project\",\"formatVersion\":1,\"network\":{},"
                + "\"dataset\":{\"type\":\"shapes\",\"imagesPerClass\":5,\"imageSize\":16}}");
        Run run = stride("data", "inspect", project.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Classes   4, 20 usable examples").contains("16×16×3");

        Files.writeString(project, "{\"format\":\"stride-project\",\"formatVersion\":1,\"network\":{}}");
        Run none = stride("data", "inspect", project.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("has no \"dataset\" block");

        Files.writeString(project, "{\"dataset\":{\"type\":\"pictures\"}}");
        Run invalid = stride("data", "inspect", project.toString());
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err()).contains("\"dataset\" block").contains("is invalid");
    }

    @Test
    void theBundledDigitsInspectClean() {
        Run run = stride("data", "inspect", Path.of("..", "samples", "digits").toString(), "--subset", "test");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("1,000 usable examples").contains("20×20×1");
    }
}
