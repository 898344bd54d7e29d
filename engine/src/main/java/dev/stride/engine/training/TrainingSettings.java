package dev.stride.engine.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * How to train a network, with Keras's names and (where Keras has one) Keras's defaults; bound from the project's
 * "training" block.
 *
 * @param optimizer       the update rule
 * @param learningRate    the initial learning rate ({@code learning_rate})
 * @param momentum        SGD momentum (sgd_momentum, nesterov) or RMSprop's rho
 * @param weightDecay     decoupled weight decay for adamw (Keras AdamW's {@code weight_decay})
 * @param schedule        how the learning rate changes over optimizer steps
 * @param loss            the loss function
 * @param batchSize       examples per optimizer step ({@code batch_size})
 * @param epochs          passes over the training data
 * @param validationSplit fraction of the data held out for validation, taken from the end as Keras does
 * @param seed            seed for weights, dropout and shuffling: the same seed and data give the same curves
 * @param earlyStopping   Keras-like early stopping, or null for none (see {@link #earlyStoppingIfAny()})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingSettings(
        @JsonProperty("optimizer") Optimizer optimizer,
        @JsonProperty("learning_rate") double learningRate,
        @JsonProperty("momentum") double momentum,
        @JsonProperty("weight_decay") double weightDecay,
        @JsonProperty("schedule") LearningRateSchedule schedule,
        @JsonProperty("loss") Loss loss,
        @JsonProperty("batch_size") int batchSize,
        @JsonProperty("epochs") int epochs,
        @JsonProperty("validation_split") double validationSplit,
        @JsonProperty("seed") long seed,
        @JsonProperty("early_stopping") EarlyStoppingSettings earlyStopping) {

    /** Stride's default: Keras's Adam(0.001) and batch 32; 10 epochs (Keras's 1 is too few to see a curve). */
    public static TrainingSettings defaults() {
        return of(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * A project's "training" block; Keras's defaults when it is absent or empty.
     *
     * @throws IllegalArgumentException with Jackson's message when the block is invalid
     */
    public static TrainingSettings fromJson(JsonNode block) {
        if (block == null || block.isEmpty()) {
            return defaults();
        }
        try {
            return Json.MAPPER.treeToValue(block, TrainingSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Made on first use: Jackson's start-up costs ~100 ms, which the app's first frame should not pay. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public TrainingSettings {
        if (optimizer == null || schedule == null || loss == null) {
            throw new IllegalArgumentException("optimizer, schedule and loss must not be null");
        }
        requirePositive("learning_rate", learningRate);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight_decay must be >= 0, got " + weightDecay);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be at least 1, got " + batchSize);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("validation_split must be in [0, 1), got " + validationSplit);
        }
    }

    /** Jackson's entry point: every property is optional and takes its default when absent. */
    @JsonCreator
    public static TrainingSettings of(
            @JsonProperty("optimizer") Optimizer optimizer,
            @JsonProperty("learning_rate") Double learningRate,
            @JsonProperty("momentum") Double momentum,
            @JsonProperty("weight_decay") Double weightDecay,
            @JsonProperty("schedule") LearningRateSchedule schedule,
            @JsonProperty("loss") Loss loss,
            @JsonProperty("batch_size") Integer batchSize,
            @JsonProperty("epochs") Integer epochs,
            @JsonProperty("validation_split") Double validationSplit,
            @JsonProperty("seed") Long seed,
            @JsonProperty("early_stopping") EarlyStoppingSettings earlyStopping) {
        Optimizer chosen = optimizer == null ? Optimizer.ADAM : optimizer;
        return new TrainingSettings(
                chosen,
                learningRate == null ? chosen.defaultLearningRate() : learningRate,
                momentum == null ? chosen.defaultMomentum() : momentum,
                weightDecay == null ? (chosen == Optimizer.ADAMW ? 0.004 : 0.0) : weightDecay,
                schedule == null ? LearningRateSchedule.NONE : schedule,
                loss == null ? Loss.CATEGORICAL_CROSSENTROPY : loss,
                batchSize == null ? 32 : batchSize,
                epochs == null ? 10 : epochs,
                validationSplit == null ? 0.0 : validationSplit,
                seed == null ? 42L : seed,
                earlyStopping);
    }

    public TrainingSettings withEpochs(int newEpochs) {
        return new TrainingSettings(optimizer, learningRate, momentum, weightDecay, schedule, loss, batchSize,
                newEpochs, validationSplit, seed, earlyStopping);
    }

    public TrainingSettings withBatchSize(int newBatchSize) {
        return new TrainingSettings(optimizer, learningRate, momentum, weightDecay, schedule, loss, newBatchSize,
                epochs, validationSplit, seed, earlyStopping);
    }

    public TrainingSettings withLearningRate(double rate) {
        return new TrainingSettings(optimizer, rate, momentum, weightDecay, schedule, loss, batchSize,
                epochs, validationSplit, seed, earlyStopping);
    }

    public TrainingSettings withOptimizer(Optimizer newOptimizer) {
        return new TrainingSettings(newOptimizer, learningRate, momentum, weightDecay, schedule, loss, batchSize,
                epochs, validationSplit, seed, earlyStopping);
    }

    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(optimizer, learningRate, momentum, weightDecay, schedule, loss, batchSize,
                epochs, validationSplit, newSeed, earlyStopping);
    }

    public TrainingSettings withValidationSplit(double split) {
        return new TrainingSettings(optimizer, learningRate, momentum, weightDecay, schedule, loss, batchSize,
                epochs, split, seed, earlyStopping);
    }

    public TrainingSettings withSchedule(LearningRateSchedule newSchedule) {
        return new TrainingSettings(optimizer, learningRate, momentum, weightDecay, newSchedule, loss, batchSize,
                epochs, validationSplit, seed, earlyStopping);
    }

    public TrainingSettings withLoss(Loss newLoss) {
        return new TrainingSettings(optimizer, learningRate, momentum, weightDecay, schedule, newLoss, batchSize,
                epochs, validationSplit, seed, earlyStopping);
    }

    public TrainingSettings withEarlyStopping(EarlyStoppingSettings settings) {
        return new TrainingSettings(optimizer, learningRate, momentum, weightDecay, schedule, loss, batchSize,
                epochs, validationSplit, seed, settings);
    }

    /** Early stopping, when configured. */
    public Optional<EarlyStoppingSettings> earlyStoppingIfAny() {
        return Optional.ofNullable(earlyStopping);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + value);
        }
    }

    /** The update rules Stride offers; Keras's names. */
    public enum Optimizer {
        @JsonProperty("sgd") SGD(0.01, 0.0),
        @JsonProperty("sgd_momentum") SGD_MOMENTUM(0.01, 0.9),
        @JsonProperty("nesterov") NESTEROV(0.01, 0.9),
        @JsonProperty("adam") ADAM(0.001, 0.0),
        /** Adam with decoupled weight decay: DL4J's Adam plus its WeightDecay regularization (applied with the LR). */
        @JsonProperty("adamw") ADAMW(0.001, 0.0),
        @JsonProperty("rmsprop") RMSPROP(0.001, 0.9),
        @JsonProperty("adagrad") ADAGRAD(0.001, 0.0);

        private final double defaultLearningRate;
        private final double defaultMomentum;

        Optimizer(double defaultLearningRate, double defaultMomentum) {
            this.defaultLearningRate = defaultLearningRate;
            this.defaultMomentum = defaultMomentum;
        }

        public double defaultLearningRate() {
            return defaultLearningRate;
        }

        public double defaultMomentum() {
            return defaultMomentum;
        }
    }

    /** Loss functions; Keras's names. Huber is absent: DL4J 1.0.0-M2.1 has no Huber loss. */
    public enum Loss {
        @JsonProperty("categorical_crossentropy") CATEGORICAL_CROSSENTROPY,
        @JsonProperty("binary_crossentropy") BINARY_CROSSENTROPY,
        @JsonProperty("mse") MSE,
        @JsonProperty("mae") MAE
    }

    /** The quantity early stopping watches. */
    public enum Monitor {
        @JsonProperty("val_loss") VAL_LOSS(false),
        @JsonProperty("val_accuracy") VAL_ACCURACY(true),
        @JsonProperty("loss") LOSS(false),
        @JsonProperty("accuracy") ACCURACY(true);

        private final boolean higherIsBetter;

        Monitor(boolean higherIsBetter) {
            this.higherIsBetter = higherIsBetter;
        }

        public boolean higherIsBetter() {
            return higherIsBetter;
        }

        public boolean needsValidation() {
            return this == VAL_LOSS || this == VAL_ACCURACY;
        }

        /** The value of this quantity in an epoch's metrics. */
        public double valueIn(EpochMetrics metrics) {
            return switch (this) {
                case VAL_LOSS -> metrics.valLoss();
                case VAL_ACCURACY -> metrics.valAccuracy();
                case LOSS -> metrics.loss();
                case ACCURACY -> metrics.accuracy();
            };
        }

        public String kerasName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Keras's EarlyStopping.
     *
     * @param monitor             the watched quantity
     * @param minDelta            the least change that counts as an improvement ({@code min_delta})
     * @param patience            epochs without improvement before stopping
     * @param restoreBestWeights  put back the weights of the best epoch when stopping ({@code restore_best_weights})
     */
    public record EarlyStoppingSettings(
            @JsonProperty("monitor") Monitor monitor,
            @JsonProperty("min_delta") double minDelta,
            @JsonProperty("patience") int patience,
            @JsonProperty("restore_best_weights") boolean restoreBestWeights) {

        public EarlyStoppingSettings {
            if (monitor == null) {
                throw new IllegalArgumentException("early_stopping.monitor must not be null");
            }
            if (!(minDelta >= 0)) {
                throw new IllegalArgumentException("early_stopping.min_delta must be >= 0, got " + minDelta);
            }
            if (patience < 0) {
                throw new IllegalArgumentException("early_stopping.patience must be >= 0, got " + patience);
            }
        }

        /** Keras's defaults for absent properties (monitor val_loss, min_delta 0, patience 0, no restore). */
        @JsonCreator
        public static EarlyStoppingSettings of(
                @JsonProperty("monitor") Monitor monitor,
                @JsonProperty("min_delta") Double minDelta,
                @JsonProperty("patience") Integer patience,
                @JsonProperty("restore_best_weights") Boolean restoreBestWeights) {
            return new EarlyStoppingSettings(monitor == null ? Monitor.VAL_LOSS : monitor,
                    minDelta == null ? 0.0 : minDelta, patience == null ? 0 : patience,
                    restoreBestWeights != null && restoreBestWeights);
        }
    }

    /**
     * A learning-rate schedule over optimizer steps, after Keras's schedules.
     *
     * @param type        none, step (exponential with staircase), exponential, or cosine
     * @param decaySteps  steps per decay period ({@code decay_steps}); for cosine, the steps to decay over
     * @param decayRate   factor per period for step and exponential ({@code decay_rate})
     * @param alpha       cosine's floor as a fraction of the initial rate
     */
    public record LearningRateSchedule(
            @JsonProperty("type") Type type,
            @JsonProperty("decay_steps") int decaySteps,
            @JsonProperty("decay_rate") double decayRate,
            @JsonProperty("alpha") double alpha) {

        public static final LearningRateSchedule NONE = new LearningRateSchedule(Type.NONE, 1, 1.0, 0.0);

        public LearningRateSchedule {
            if (type == null) {
                throw new IllegalArgumentException("schedule.type must not be null");
            }
            if (decaySteps < 1) {
                throw new IllegalArgumentException("schedule.decay_steps must be at least 1, got " + decaySteps);
            }
            if (!(decayRate > 0 && decayRate <= 1)) {
                throw new IllegalArgumentException("schedule.decay_rate must be in (0, 1], got " + decayRate);
            }
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new IllegalArgumentException("schedule.alpha must be in [0, 1], got " + alpha);
            }
        }

        @JsonCreator
        public static LearningRateSchedule of(
                @JsonProperty("type") Type type,
                @JsonProperty("decay_steps") Integer decaySteps,
                @JsonProperty("decay_rate") Double decayRate,
                @JsonProperty("alpha") Double alpha) {
            return new LearningRateSchedule(type == null ? Type.NONE : type,
                    decaySteps == null ? 1000 : decaySteps, decayRate == null ? 0.96 : decayRate,
                    alpha == null ? 0.0 : alpha);
        }

        /** The learning rate at an optimizer step (iteration), given the initial rate. */
        public double rateAt(double initial, int step) {
            return switch (type) {
                case NONE -> initial;
                case STEP -> initial * Math.pow(decayRate, Math.floor((double) step / decaySteps));
                case EXPONENTIAL -> initial * Math.pow(decayRate, (double) step / decaySteps);
                case COSINE -> {
                    double progress = Math.min(step, decaySteps) / (double) decaySteps;
                    double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
                    yield initial * ((1 - alpha) * cosine + alpha);
                }
            };
        }

        /** Schedule kinds. */
        public enum Type {
            @JsonProperty("none") NONE,
            @JsonProperty("step") STEP,
            @JsonProperty("exponential") EXPONENTIAL,
            @JsonProperty("cosine") COSINE
        }
    }
}
