/**
 * Datasets: sources (image folders, IDX files, CSV tables, generated shapes), stratified splits, the class-balance
 * report, skipped files with reasons, and the DL4J adapters ({@link dev.stride.engine.data.PrefetchingImageIterator},
 * {@link dev.stride.engine.data.TabularDataSets}).
 *
 * <p>How the gallery uses it, on a background executor (every step can be abandoned):
 * <pre>{@code
 * Dataset dataset = DatasetLoader.load(spec, projectFolder, task::isCancelled);   // scan; CancellationException
 * ImageDataset images = (ImageDataset) dataset;
 * List<DatasetItem> cats = images.itemsOfClass(0);              // lazy list: no per-item work until read
 * ImageData full = images.read(cats.get(17).index());           // one decode, ms; ImageDecodeException = skipped
 * ImageData cell = Thumbnails.fitWithin(full, 96, 96);          // grid cell; ImageData.toBgra() for PixelWriter
 * ImagePipeline pipeline = new ImagePipeline(spec.preprocessingFor(w, h, c), augmentationSettings);
 * List<ImageData> grid = AugmentationPreview.variants(full, pipeline, seed, 9, task::isCancelled);
 * images.skipped();                                             // files left out, with reasons
 * }</pre>
 * The preview grid is exactly what training sees: the iterator calls the same {@code ImagePipeline.process}.
 */
package dev.stride.engine.data;
