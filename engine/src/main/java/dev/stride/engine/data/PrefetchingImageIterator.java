package dev.stride.engine.data;

import dev.stride.engine.data.vision.ImageData;
import dev.stride.engine.data.vision.ImageDecodeException;
import dev.stride.engine.data.vision.ImagePipeline;
import dev.stride.engine.data.vision.Preprocessing;
import dev.stride.engine.data.vision.Seeds;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Feeds DL4J from an {@link ImageDataset}: worker threads decode and augment whole batches ahead of the trainer
 * (at most {@code prefetchBatches} waiting), producing NCHW float features and one-hot labels.
 *
 * <p>Each {@link #reset()} starts a new epoch with a new seed derived from the iterator's seed and the epoch number:
 * a new shuffle and new augmentations, yet the same on every run. An image's augmentation depends only on the epoch
 * seed and its index, never on thread timing. Images that fail to decode are left out of their batch and listed in
 * the dataset's {@code skipped()}; training goes on. {@link #stop()} ends the epoch early (hasNext turns false, the
 * way to stop DL4J's fit cleanly); {@link #close()} stops the workers.
 *
 * <p>{@code asyncSupported()} is false: DL4J would otherwise wrap this in a second prefetching thread.
 */
public final class PrefetchingImageIterator implements DataSetIterator, AutoCloseable {
    private static final long serialVersionUID = 1L;
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final transient ImageDataset dataset;
    private final int[] indices;
    private final transient ImagePipeline pipeline;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final int prefetchBatches;
    private final int classCount;
    private final transient ExecutorService workers;
    private final transient ArrayDeque<Future<DataSet>> window = new ArrayDeque<>();
    private final AtomicLong imagesDelivered = new AtomicLong();

    private transient DataSetPreProcessor preProcessor;
    private int epoch = -1;
    private long epochSeed;
    private int[] order;
    private int nextBatchToSubmit;
    private int batchCount;
    private transient DataSet ready;
    private volatile boolean stopped;
    private volatile boolean closed;

    /**
     * @param dataset         where the images come from
     * @param indices         which examples (a split's train, validation or test part)
     * @param pipeline        preprocessing and augmentation (use {@code AugmentationSettings.NONE} for validation)
     * @param batchSize       examples per batch
     * @param shuffle         a new order every epoch (training) or dataset order (evaluation)
     * @param seed            the run's seed: epochs, shuffles and augmentations derive from it
     * @param workerThreads   decoding threads
     * @param prefetchBatches batches prepared ahead, at least 1
     */
    public PrefetchingImageIterator(ImageDataset dataset, int[] indices, ImagePipeline pipeline, int batchSize,
                                    boolean shuffle, long seed, int workerThreads, int prefetchBatches) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (workerThreads < 1 || prefetchBatches < 1) {
            throw new IllegalArgumentException("need at least one worker and one prefetched batch, got "
                    + workerThreads + " and " + prefetchBatches);
        }
        if (indices.length == 0) {
            throw new DatasetException("no examples to iterate over in " + dataset.description());
        }
        this.dataset = dataset;
        this.indices = indices.clone();
        this.pipeline = pipeline;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.prefetchBatches = prefetchBatches;
        this.classCount = dataset.classNames().size();
        int pool = POOL_NUMBER.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread t = new Thread(runnable, "stride-data-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.workers = Executors.newFixedThreadPool(workerThreads, factory);
        startEpoch();
    }

    /** An iterator for training: shuffled, using all cores but one for decoding, four batches ahead per worker. */
    public static PrefetchingImageIterator forTraining(ImageDataset dataset, int[] indices, ImagePipeline pipeline,
                                                       int batchSize, long seed) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        return new PrefetchingImageIterator(dataset, indices, pipeline, batchSize, true, seed, threads,
                Math.max(2, 2 * threads));
    }

    /** The current epoch, 0 for the first. */
    public int epoch() {
        return epoch;
    }

    /** Images handed to the trainer since this iterator was created. */
    public long imagesDelivered() {
        return imagesDelivered.get();
    }

    private void startEpoch() {
        cancelWindow();
        epoch++;
        epochSeed = Seeds.mix(seed, epoch);
        order = indices.clone();
        if (shuffle) {
            SplittableRandom random = new SplittableRandom(Seeds.mix(epochSeed, -1));
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        batchCount = (order.length + batchSize - 1) / batchSize;
        nextBatchToSubmit = 0;
        ready = null;
        stopped = false;
        fillWindow();
    }

    private void fillWindow() {
        while (!closed && window.size() < prefetchBatches && nextBatchToSubmit < batchCount) {
            int from = nextBatchToSubmit * batchSize;
            int[] members = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
            long batchSeed = epochSeed;
            window.add(workers.submit(() -> buildBatch(members, batchSeed)));
            nextBatchToSubmit++;
        }
    }

    private DataSet buildBatch(int[] members, long batchSeed) {
        Preprocessing input = pipeline.preprocessing();
        int values = input.valuesPerImage();
        float[] features = new float[members.length * values];
        float[] labels = new float[members.length * classCount];
        int count = 0;
        for (int index : members) {
            if (closed || stopped || Thread.currentThread().isInterrupted()) {
                return null; // cancelled by reset() or close(): nobody will read this batch
            }
            if (dataset instanceof ImageFolderDataset folder && folder.isKnownUnusable(index)) {
                continue;
            }
            ImageData image;
            try {
                image = dataset.read(index);
            } catch (ImageDecodeException e) {
                continue; // The dataset lists it among the skipped files; one bad image must not end the epoch.
            }
            ImageData processed;
            try {
                processed = pipeline.process(image, Seeds.mix(batchSeed, index));
            } catch (RuntimeException e) {
                // A decodable file OpenCV still cannot resize (absurd sizes): skip it like a corrupt one.
                if (dataset instanceof ImageFolderDataset folder) {
                    folder.markUnusable(index, "cannot be resized to the input: " + e.getMessage());
                    continue;
                }
                throw e;
            }
            input.writePlanes(processed, features, count * values);
            labels[count * classCount + dataset.label(index)] = 1f;
            count++;
        }
        if (count == 0) {
            return null;
        }
        if (count < members.length) {
            features = Arrays.copyOf(features, count * values);
            labels = Arrays.copyOf(labels, count * classCount);
        }
        INDArray featureArray = Nd4j.create(features, new long[] {count, input.channels(), input.height(),
                input.width()}, 'c');
        INDArray labelArray = Nd4j.create(labels, new long[] {count, classCount}, 'c');
        return new DataSet(featureArray, labelArray);
    }

    @Override
    public boolean hasNext() {
        while (ready == null && !stopped && !closed && !window.isEmpty()) {
            Future<DataSet> head = window.poll();
            fillWindow();
            try {
                ready = head.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw new IllegalStateException("preparing a batch failed: " + cause.getMessage(), cause);
            } catch (java.util.concurrent.CancellationException e) {
                return false;
            }
        }
        return ready != null && !stopped && !closed;
    }

    @Override
    public DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch " + epoch + " has no more batches; call reset()");
        }
        DataSet batch = ready;
        ready = null;
        imagesDelivered.addAndGet(batch.numExamples());
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("the batch size is fixed at " + batchSize
                + " when the iterator is created");
    }

    /** Ends the current epoch early: hasNext() turns false, workers drop their unfinished batches. */
    public void stop() {
        stopped = true;
    }

    @Override
    public void reset() {
        if (closed) {
            throw new IllegalStateException("the iterator is closed");
        }
        startEpoch();
    }

    private void cancelWindow() {
        for (Future<DataSet> future : window) {
            future.cancel(true);
        }
        window.clear();
    }

    /** Stops the worker threads; the iterator cannot be used afterwards. */
    @Override
    public void close() {
        closed = true;
        cancelWindow();
        workers.shutdownNow();
    }

    @Override
    public int inputColumns() {
        return pipeline.preprocessing().valuesPerImage();
    }

    @Override
    public int totalOutcomes() {
        return classCount;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return dataset.classNames();
    }
}
