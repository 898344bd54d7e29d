package dev.stride.engine.training;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One epoch of a training run with Keras's history names; NaN where a value was not measured (no validation data).
 *
 * @param epoch            1-based epoch number
 * @param loss             mean training loss over the epoch's batches (including regularization, as Keras reports it)
 * @param accuracy         training accuracy over the epoch, measured on the forward passes of training
 * @param valLoss          validation loss, or NaN
 * @param valAccuracy      validation accuracy, or NaN
 * @param learningRate     learning rate at the end of the epoch
 * @param seconds          wall-clock duration of the epoch's training (validation excluded)
 * @param imagesPerSecond  training examples per second over the epoch
 */
@JsonPropertyOrder({"epoch", "loss", "accuracy", "val_loss", "val_accuracy", "learning_rate", "seconds",
        "images_per_second"})
public record EpochMetrics(
        @JsonProperty("epoch") int epoch,
        @JsonProperty("loss") double loss,
        @JsonProperty("accuracy") double accuracy,
        @JsonProperty("val_loss") double valLoss,
        @JsonProperty("val_accuracy") double valAccuracy,
        @JsonProperty("learning_rate") double learningRate,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("images_per_second") double imagesPerSecond) {

    public boolean hasValidation() {
        return !Double.isNaN(valLoss);
    }
}
