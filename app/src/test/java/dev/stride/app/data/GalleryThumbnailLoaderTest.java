package dev.stride.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.app.common.UiScheduler;
import dev.stride.engine.data.vision.ImageData;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The gallery's thumbnail loader: cancelled requests are never decoded, cached ones never twice. */
class GalleryThumbnailLoaderTest {

    private static ImageData pixel(int value) {
        return new ImageData(1, 1, 1, new byte[] {(byte) value});
    }

    @Test
    void aRequestCancelledBeforeItStartsIsNeverDecoded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> decoded = new CopyOnWriteArrayList<>();
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        try (ThumbnailLoader loader = new ThumbnailLoader(index -> {
            release.await(5, TimeUnit.SECONDS);
            decoded.add(index);
            return pixel(index);
        }, 10, 1, UiScheduler.immediate())) {
            Future<?> first = loader.request(1, image -> delivered.add(1), reason -> { });
            Future<?> scrolledPast = loader.request(2, image -> delivered.add(2), reason -> { });
            Future<?> visible = loader.request(3, image -> delivered.add(3), reason -> { });
            scrolledPast.cancel(false);
            release.countDown();
            first.get(5, TimeUnit.SECONDS);
            visible.get(5, TimeUnit.SECONDS);

            assertThat(decoded).containsExactlyInAnyOrder(1, 3);
            assertThat(delivered).containsExactlyInAnyOrder(1, 3);
            assertThat(loader.decodeCount()).isEqualTo(2);
        }
    }

    @Test
    void cachedThumbnailsAreDeliveredAtOnceAndTheOldestAreEvicted() throws Exception {
        try (ThumbnailLoader loader = new ThumbnailLoader(GalleryThumbnailLoaderTest::pixel, 2, 1,
                UiScheduler.immediate())) {
            loader.request(1, image -> { }, reason -> { }).get(5, TimeUnit.SECONDS);
            loader.request(2, image -> { }, reason -> { }).get(5, TimeUnit.SECONDS);
            List<ImageData> hits = new CopyOnWriteArrayList<>();
            loader.request(1, hits::add, reason -> { });
            assertThat(hits).containsExactly(pixel(1));
            assertThat(loader.decodeCount()).isEqualTo(2);

            loader.request(3, image -> { }, reason -> { }).get(5, TimeUnit.SECONDS);

            assertThat(loader.cached(2)).as("least recently used").isNull();
            assertThat(loader.cached(1)).isEqualTo(pixel(1));
            assertThat(loader.cached(3)).isEqualTo(pixel(3));
        }
    }

    @Test
    void aFileThatCannotBeDecodedReportsItsReason() throws Exception {
        List<String> reasons = new CopyOnWriteArrayList<>();
        try (ThumbnailLoader loader = new ThumbnailLoader(index -> {
            throw new IllegalStateException("truncated JPEG: no end-of-image marker");
        }, 2, 1, UiScheduler.immediate())) {
            loader.request(4, image -> { }, reasons::add).get(5, TimeUnit.SECONDS);
            loader.request(4, image -> { }, reasons::add).get(5, TimeUnit.SECONDS);

            assertThat(loader.decodeCount()).as("a bad file is decoded once").isEqualTo(1);
        }
        assertThat(reasons).containsExactly("truncated JPEG: no end-of-image marker",
                "truncated JPEG: no end-of-image marker");
    }
}
