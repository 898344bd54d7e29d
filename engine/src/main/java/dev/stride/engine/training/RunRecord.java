package dev.stride.engine.training;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * One finished (or stopped, or failed) training run as kept beside its project: what was trained, how, and the
 * curves it produced, enough to overlay two runs and say what differed between them.
 *
 * @param id                       file-name-safe identifier, also the sort key (starts with the start time)
 * @param started                  ISO-8601 instant the run started
 * @param outcome                  finished, early-stopped, stopped or failed
 * @param dataset                  a description of the dataset (type and path)
 * @param settings                 the training settings used
 * @param architectureFingerprint  short hash of the design (see {@link ArchitectureFingerprint})
 * @param architecture             the design, one line per layer, for diffs
 * @param history                  the per-epoch metrics
 * @param iterationLoss            loss per optimizer step as [iteration, loss] pairs, thinned to at most a few
 *                                 thousand points
 * @param finalMetrics             named end results (e.g. test accuracy), may be empty
 */
@JsonPropertyOrder({"id", "started", "outcome", "dataset", "settings", "architecture_fingerprint", "architecture",
        "history", "iteration_loss", "final_metrics"})
public record RunRecord(
        @JsonProperty("id") String id,
        @JsonProperty("started") String started,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("dataset") String dataset,
        @JsonProperty("settings") TrainingSettings settings,
        @JsonProperty("architecture_fingerprint") String architectureFingerprint,
        @JsonProperty("architecture") List<String> architecture,
        @JsonProperty("history") List<EpochMetrics> history,
        @JsonProperty("iteration_loss") List<double[]> iterationLoss,
        @JsonProperty("final_metrics") Map<String, Double> finalMetrics) {

    public RunRecord {
        architecture = architecture == null ? List.of() : List.copyOf(architecture);
        history = history == null ? List.of() : List.copyOf(history);
        iterationLoss = iterationLoss == null ? List.of() : List.copyOf(iterationLoss);
        finalMetrics = finalMetrics == null ? Map.of() : Map.copyOf(finalMetrics);
    }

    /** The last epoch's validation accuracy, else its training accuracy, else NaN: the figure a run list shows. */
    public double headlineAccuracy() {
        if (finalMetrics.containsKey("accuracy")) {
            return finalMetrics.get("accuracy");
        }
        if (history.isEmpty()) {
            return Double.NaN;
        }
        EpochMetrics last = history.get(history.size() - 1);
        return last.hasValidation() ? last.valAccuracy() : last.accuracy();
    }
}
