package dev.stride.engine.training;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A {@link TrainingSettings.LearningRateSchedule} as DL4J's {@link ISchedule}, so the rate lives in the network's
 * configuration (and its checkpoints) rather than being pushed in from outside each step. DL4J has no cosine decay.
 */
public final class KerasLearningRateSchedule implements ISchedule {
    private static final long serialVersionUID = 1L;

    @JsonProperty("initial")
    private final double initial;
    @JsonProperty("type")
    private final String type;
    @JsonProperty("decaySteps")
    private final int decaySteps;
    @JsonProperty("decayRate")
    private final double decayRate;
    @JsonProperty("alpha")
    private final double alpha;

    @JsonCreator
    public KerasLearningRateSchedule(@JsonProperty("initial") double initial, @JsonProperty("type") String type,
                                     @JsonProperty("decaySteps") int decaySteps,
                                     @JsonProperty("decayRate") double decayRate,
                                     @JsonProperty("alpha") double alpha) {
        this.initial = initial;
        this.type = type;
        this.decaySteps = decaySteps;
        this.decayRate = decayRate;
        this.alpha = alpha;
    }

    static KerasLearningRateSchedule of(double initial, TrainingSettings.LearningRateSchedule schedule) {
        return new KerasLearningRateSchedule(initial, schedule.type().name(), schedule.decaySteps(),
                schedule.decayRate(), schedule.alpha());
    }

    private TrainingSettings.LearningRateSchedule settings() {
        return new TrainingSettings.LearningRateSchedule(TrainingSettings.LearningRateSchedule.Type.valueOf(type),
                decaySteps, decayRate, alpha);
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return settings().rateAt(initial, iteration);
    }

    @Override
    public ISchedule clone() {
        return new KerasLearningRateSchedule(initial, type, decaySteps, decayRate, alpha);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KerasLearningRateSchedule s && s.initial == initial && s.type.equals(type)
                && s.decaySteps == decaySteps && s.decayRate == decayRate && s.alpha == alpha;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(initial, type, decaySteps, decayRate, alpha);
    }
}
