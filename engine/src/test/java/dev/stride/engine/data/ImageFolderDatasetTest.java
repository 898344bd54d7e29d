package dev.stride.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.engine.data.vision.AugmentationSettings;
import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.data.vision.ImagePipeline;
import dev.stride.engine.data.vision.Preprocessing;
import dev.stride.engine.data.vision.ResizeMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class ImageFolderDatasetTest {

    @TempDir
    Path root;

    /** cats: 4 usable of 10 entries; dogs: 5 usable of 6; plus a stray file at the root. */
    private void writeMessyFolder() throws Exception {
        Path cats = root.resolve("cats");
        TestImages.writeImage(cats.resolve("a.jpg"), 64, 48, 3, 1);
        TestImages.writeImage(cats.resolve("b.png"), 20, 20, 1, 2);
        TestImages.writeImage(cats.resolve("c.bmp"), 50, 70, 3, 3);
        TestImages.writeImage(cats.resolve("d.gif"), 30, 30, 1, 4);
        TestImages.write(cats.resolve("corrupt.jpg"), TestImages.corruptJpeg());
        byte[] jpeg = TestImages.encoded(TestImages.picture(80, 80, 3, 5), "jpg");
        TestImages.write(cats.resolve("truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        TestImages.write(cats.resolve("empty.jpg"), new byte[0]);
        TestImages.write(cats.resolve("notes.jpg"), "these are my cat notes\n".getBytes(StandardCharsets.UTF_8));
        TestImages.write(cats.resolve("readme.txt"), "hello".getBytes(StandardCharsets.UTF_8));
        TestImages.writeImage(cats.resolve("nested").resolve("e.png"), 16, 16, 3, 6);
        Path dogs = root.resolve("dogs");
        TestImages.writeImage(dogs.resolve("1.jpg"), 100, 60, 3, 7);
        TestImages.writeImage(dogs.resolve("2.png"), 12, 40, 1, 8);
        TestImages.writeImage(dogs.resolve("3.png"), 33, 33, 3, 9);
        TestImages.writeImage(dogs.resolve("4.JPG"), 16, 16, 3, 10);
        TestImages.writeImage(dogs.resolve("5.jpeg"), 200, 150, 3, 11);
        byte[] png = TestImages.encoded(TestImages.picture(60, 60, 3, 12), "png");
        TestImages.write(dogs.resolve("cut.png"), Arrays.copyOf(png, png.length * 3 / 5));
        TestImages.write(root.resolve("stray.txt"), "not a class".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void usableImagesLoadAndEveryBadFileIsReportedWithItsReason() throws Exception {
        writeMessyFolder();
        ImageFolderDataset dataset = ImageFolderDataset.scan(root);

        assertThat(dataset.classNames()).containsExactly("cats", "dogs");
        // corrupt.jpg passes the quick check; decoding finds it out.
        assertThat(dataset.size()).isEqualTo(5 + 5);
        for (int i = 0; i < dataset.size(); i++) {
            if (!dataset.name(i).endsWith("corrupt.jpg")) {
                ImageData image = dataset.read(i);
                assertThat(image.channels()).isIn(1, 3);
            }
        }
        assertThatThrownBy(() -> dataset.read(indexOf(dataset, "corrupt.jpg")))
                .hasMessageContaining("corrupt JPEG");

        Map<String, String> reasons = dataset.skipped().stream().collect(Collectors.toMap(
                s -> root.relativize(s.path()).toString(), SkippedFile::reason));
        assertThat(reasons).containsOnlyKeys("cats/corrupt.jpg", "cats/truncated.jpg", "cats/empty.jpg",
                "cats/notes.jpg", "cats/readme.txt", "cats/nested", "dogs/cut.png", "stray.txt");
        assertThat(reasons.get("cats/corrupt.jpg")).contains("corrupt JPEG");
        assertThat(reasons.get("cats/truncated.jpg")).contains("truncated JPEG");
        assertThat(reasons.get("cats/empty.jpg")).contains("empty file (0 bytes)");
        assertThat(reasons.get("cats/notes.jpg")).contains("not an image: the file contains text");
        assertThat(reasons.get("cats/readme.txt")).contains("not an image file name");
        assertThat(reasons.get("cats/nested")).contains("folder inside the class folder 'cats'");
        assertThat(reasons.get("dogs/cut.png")).contains("truncated PNG");
        assertThat(reasons.get("stray.txt")).contains("not inside a class folder");
    }

    @Test
    void anUnreadableFileIsSkippedWithItsReason() throws Exception {
        writeMessyFolder();
        // A broken link cannot be read even by root, unlike a file without read permission.
        Path broken = Files.createSymbolicLink(root.resolve("dogs").resolve("gone.png"), root.resolve("nowhere.png"));
        ImageFolderDataset dataset = ImageFolderDataset.scan(root);
        assertThat(dataset.skipped()).anySatisfy(s -> {
            assertThat(s.path()).isEqualTo(broken);
            assertThat(s.reason()).contains("cannot be read").contains("broken link");
        });
        assertThat(dataset.size()).isEqualTo(10);
    }

    @Test
    void oneEpochOfTrainingCompletesOverTheMessyFolderAndNothingOnDiskChanges() throws Exception {
        writeMessyFolder();
        String before = TestImages.fingerprint(root);
        ImageFolderDataset dataset = ImageFolderDataset.scan(root);
        DatasetSplit split = DatasetSplit.stratified(dataset.labels(), 2, 0, 0, 1);
        ImagePipeline pipeline = new ImagePipeline(Preprocessing.of(16, 16, 3).withResize(ResizeMode.PAD),
                AugmentationSettings.everything());
        MultiLayerNetwork network = tinyNetwork(16, 16, 3, 2);
        try (PrefetchingImageIterator iterator = new PrefetchingImageIterator(dataset, split.train(), pipeline, 4,
                true, 7, 2, 2)) {
            network.fit(iterator);
            assertThat(iterator.imagesDelivered()).as("all but the corrupt image").isEqualTo(9);
        }
        assertThat(network.getIterationCount()).isEqualTo(3);
        assertThat(Double.isFinite(network.score())).isTrue();
        assertThat(dataset.skipped()).anySatisfy(s -> assertThat(s.path().getFileName().toString())
                .isEqualTo("corrupt.jpg"));
        assertThat(TestImages.fingerprint(root)).as("files untouched").isEqualTo(before);
    }

    @Test
    void aReadCancelledByInterruptionNeverMarksTheFileAsUnusable() throws Exception {
        writeMessyFolder();
        ImageFolderDataset dataset = ImageFolderDataset.scan(root);
        int skippedBefore = dataset.skipped().size();
        // The iterator interrupts workers on reset() and close(); an interruptible file channel would then fail the
        // read and list a good file as unreadable for the rest of training. Files.readAllBytes is uninterruptible.
        Thread.currentThread().interrupt();
        try {
            assertThat(dataset.read(0).width()).isEqualTo(64);
        } finally {
            Thread.interrupted();
        }
        assertThat(dataset.skipped()).hasSize(skippedBefore);
    }

    @Test
    void anEmptyFolderIsAClearError() {
        assertThatThrownBy(() -> ImageFolderDataset.scan(root)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("no class folders").hasMessageContaining(root.toString());
    }

    @Test
    void aMissingFolderIsAClearError() {
        assertThatThrownBy(() -> ImageFolderDataset.scan(root.resolve("nope")))
                .hasMessageContaining("does not exist").hasMessageContaining("nope");
    }

    @Test
    void aSingleClassIsAClearError() throws Exception {
        TestImages.writeImage(root.resolve("cats").resolve("a.png"), 10, 10, 3, 1);
        assertThatThrownBy(() -> ImageFolderDataset.scan(root)).hasMessageContaining("only one class ('cats')")
                .hasMessageContaining(root.toString());
    }

    @Test
    void aClassWithoutAUsableImageIsAClearErrorNamingItsFolder() throws Exception {
        TestImages.writeImage(root.resolve("cats").resolve("a.png"), 10, 10, 3, 1);
        TestImages.write(root.resolve("dogs").resolve("a.jpg"), new byte[0]);
        assertThatThrownBy(() -> ImageFolderDataset.scan(root)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("class folder " + root.resolve("dogs") + " has no usable image")
                .hasMessageContaining("empty file");
    }

    @Test
    void galleryListsItemsPerClass() throws Exception {
        writeMessyFolder();
        ImageFolderDataset dataset = ImageFolderDataset.scan(root);
        assertThat(dataset.itemsOfClass(1)).extracting(DatasetItem::name)
                .containsExactly("dogs/1.jpg", "dogs/2.png", "dogs/3.png", "dogs/4.JPG", "dogs/5.jpeg");
        assertThat(dataset.items()).hasSize(dataset.size());
        assertThat(dataset.balance().counts()).containsExactly(5, 5);
    }

    @Test
    void aLongScanCanBeCancelled() throws Exception {
        writeMessyFolder();
        java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
        assertThatThrownBy(() -> ImageFolderDataset.scan(root, () -> checks.incrementAndGet() > 3))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(checks.get()).isEqualTo(4);
    }

    @Test
    void thumbnailsKeepAspectAndChannels() throws Exception {
        ImageData photo = TestImages.picture(200, 100, 3, 1);
        ImageData thumbnail = dev.stride.engine.data.vision.Thumbnails.fitWithin(photo, 64, 64);
        assertThat(thumbnail.width()).isEqualTo(64);
        assertThat(thumbnail.height()).isEqualTo(32);
        assertThat(thumbnail.channels()).isEqualTo(3);
        assertThat(dev.stride.engine.data.vision.Thumbnails.fitWithin(thumbnail, 64, 64)).isSameAs(thumbnail);
    }

    private static int indexOf(ImageFolderDataset dataset, String suffix) {
        for (int i = 0; i < dataset.size(); i++) {
            if (dataset.name(i).endsWith(suffix)) {
                return i;
            }
        }
        throw new AssertionError(suffix + " not in dataset");
    }

    static MultiLayerNetwork tinyNetwork(int width, int height, int channels, int classes) {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(1)
                .updater(new Adam(1e-3))
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(height, width, channels))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }
}
