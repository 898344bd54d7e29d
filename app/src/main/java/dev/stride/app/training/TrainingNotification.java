package dev.stride.app.training;

/**
 * A message for the user about the run: what happened and what to do.
 *
 * @param severity   info for a normal end, warning for early stops and user stops, error for failures
 * @param title      a few words (e.g. "Training diverged")
 * @param message    what happened
 * @param suggestion what to change, or empty
 */
public record TrainingNotification(Severity severity, String title, String message, String suggestion) {

    /** How loud the notification is. */
    public enum Severity { INFO, WARNING, ERROR }
}
