/**
 * Image decoding, resizing and augmentation with OpenCV; the only package that touches {@code org.bytedeco}. Its
 * output is the library-free {@link dev.stride.engine.data.vision.ImageData} record.
 */
package dev.stride.engine.data.vision;
