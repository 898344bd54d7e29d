package dev.stride.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.engine.data.vision.ImageData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetTest {

    @TempDir
    Path folder;

    private static IdxFile images(int count, int rows, int cols) {
        byte[] data = new byte[count * rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7 + i / (rows * cols));
        }
        return new IdxFile(new int[] {count, rows, cols}, data);
    }

    private static IdxFile labels(int... values) {
        byte[] data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        return new IdxFile(new int[] {values.length}, data);
    }

    @Test
    void gzippedAndPlainFilesReadBackExactly() throws Exception {
        IdxFile original = images(5, 4, 3);
        original.write(folder.resolve("a.gz"), true);
        original.write(folder.resolve("a"), false);
        assertThat(IdxFile.read(folder.resolve("a.gz"))).isEqualTo(original);
        assertThat(IdxFile.read(folder.resolve("a"))).isEqualTo(original);
        byte[] plain = Files.readAllBytes(folder.resolve("a"));
        assertThat(Arrays.copyOf(plain, 8)).containsExactly(0, 0, 8, 3, 0, 0, 0, 5);
        assertThat(plain).hasSize(4 + 12 + 60);
    }

    @Test
    void aDatasetFolderYieldsImagesLabelsAndTheTestSubset() throws Exception {
        images(6, 4, 3).write(folder.resolve("train-images-idx3-ubyte.gz"), true);
        labels(0, 1, 2, 0, 1, 2).write(folder.resolve("train-labels-idx1-ubyte.gz"), true);
        images(2, 4, 3).write(folder.resolve("t10k-images-idx3-ubyte"), false);
        labels(2, 1).write(folder.resolve("t10k-labels-idx1-ubyte"), false);
        Files.writeString(folder.resolve("classes.txt"), "zero\none\ntwo\n");

        IdxDataset train = IdxDataset.load(folder, "train", null);
        assertThat(train.size()).isEqualTo(6);
        assertThat(train.classNames()).containsExactly("zero", "one", "two");
        assertThat(train.label(4)).isEqualTo(1);
        ImageData third = train.read(2);
        assertThat(third.width()).isEqualTo(3);
        assertThat(third.height()).isEqualTo(4);
        int offset = 2 * 12 + 1 * 3 + 2; // image 2, row 1, column 2
        assertThat(third.value(2, 1, 0)).isEqualTo((byte) (offset * 7 + 2) & 0xFF);
        assertThat(train.uniformSize()).contains(new ImageSize(3, 4, 1));

        IdxDataset test = IdxDataset.load(folder, "test", List.of("a", "b", "c"));
        assertThat(test.size()).isEqualTo(2);
        assertThat(test.classNames()).containsExactly("a", "b", "c");
        assertThat(test.name(1)).isEqualTo("test #1");
    }

    @Test
    void mismatchedCountsAndBrokenFilesAreClearErrors() throws Exception {
        images(3, 2, 2).write(folder.resolve("train-images-idx3-ubyte"), false);
        labels(0, 1).write(folder.resolve("train-labels-idx1-ubyte"), false);
        assertThatThrownBy(() -> IdxDataset.load(folder, "train", null)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("2 labels for 3 images");

        byte[] whole = Files.readAllBytes(folder.resolve("train-images-idx3-ubyte"));
        Files.write(folder.resolve("train-images-idx3-ubyte"), Arrays.copyOf(whole, whole.length - 3));
        labels(0, 1, 1).write(folder.resolve("train-labels-idx1-ubyte"), false);
        assertThatThrownBy(() -> IdxDataset.load(folder, "train", null)).hasMessageContaining("truncated");

        Files.writeString(folder.resolve("train-images-idx3-ubyte"), "hello, not idx");
        assertThatThrownBy(() -> IdxDataset.load(folder, "train", null))
                .hasMessageContaining("not an unsigned-byte IDX file");
        assertThatThrownBy(() -> IdxDataset.load(folder, "test", null)).hasMessageContaining("no t10k-images");
    }
}
