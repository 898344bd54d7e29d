package dev.stride.engine.training;

import java.util.List;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ISchedule;

/** Translates {@link TrainingSettings} into DL4J updaters, regularization and losses with Keras's meaning. */
public final class Dl4jTrainingMapping {
    /** Keras's epsilon for Adam, RMSprop and Adagrad (DL4J defaults to 1e-8, 1e-8 and 1e-6). */
    static final double KERAS_EPSILON = 1e-7;

    private Dl4jTrainingMapping() {
    }

    /** Problems DL4J cannot express for these settings, each naming the setting; empty when all is well. */
    public static List<String> unsupported(TrainingSettings settings) {
        if (settings.optimizer() == TrainingSettings.Optimizer.SGD_MOMENTUM) {
            return List.of("optimizer 'sgd_momentum': DL4J 1.0.0-M2.1 has only Nesterov momentum; "
                    + "choose 'nesterov' (usually as good) or 'sgd'");
        }
        return List.of();
    }

    /** The updater for the settings' optimizer, learning rate and schedule. */
    public static IUpdater updater(TrainingSettings settings) {
        List<String> problems = unsupported(settings);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0));
        }
        ISchedule rate = settings.schedule().type() == TrainingSettings.LearningRateSchedule.Type.NONE
                ? null : KerasLearningRateSchedule.of(settings.learningRate(), settings.schedule());
        double lr = settings.learningRate();
        return switch (settings.optimizer()) {
            case SGD -> rate == null ? new Sgd(lr) : new Sgd(rate);
            case SGD_MOMENTUM -> throw new IllegalStateException("checked above");
            case NESTEROV -> rate == null ? new Nesterovs(lr, settings.momentum())
                    : new Nesterovs(rate, settings.momentum());
            case ADAM, ADAMW -> {
                Adam adam = rate == null ? new Adam(lr) : new Adam(rate);
                adam.setEpsilon(KERAS_EPSILON);
                yield adam;
            }
            case RMSPROP -> {
                RmsProp rms = rate == null ? new RmsProp(lr) : new RmsProp(rate);
                rms.setRmsDecay(settings.momentum());
                rms.setEpsilon(KERAS_EPSILON);
                yield rms;
            }
            case ADAGRAD -> rate == null ? new AdaGrad(lr, KERAS_EPSILON) : new AdaGrad(rate, KERAS_EPSILON);
        };
    }

    /**
     * Regularization the optimizer itself implies: AdamW's decoupled weight decay. DL4J's WeightDecay with
     * applyLR=true subtracts lr·decay·w from each weight, which is Keras AdamW's update.
     */
    public static List<Regularization> optimizerRegularization(TrainingSettings settings) {
        if (settings.optimizer() == TrainingSettings.Optimizer.ADAMW && settings.weightDecay() > 0) {
            return List.of(new WeightDecay(settings.weightDecay(), true));
        }
        return List.of();
    }

    /** DL4J's loss function for the settings' loss. */
    public static LossFunctions.LossFunction lossFunction(TrainingSettings.Loss loss) {
        return switch (loss) {
            case CATEGORICAL_CROSSENTROPY -> LossFunctions.LossFunction.MCXENT;
            case BINARY_CROSSENTROPY -> LossFunctions.LossFunction.XENT;
            case MSE -> LossFunctions.LossFunction.MSE;
            case MAE -> LossFunctions.LossFunction.MEAN_ABSOLUTE_ERROR;
        };
    }
}
