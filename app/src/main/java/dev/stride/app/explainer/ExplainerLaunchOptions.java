package dev.stride.app.explainer;

import dev.stride.engine.data.vision.KernelPreview.KernelPreset;
import dev.stride.engine.explain.ExplainerPreset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Start-up options for demos, screenshots and measurements, from system properties {@code stride.explainer.*}:
 * preset, transposed, input, step, sideBySide, numbers, tab (grid|image), kernel, play, loop, speed, present,
 * exportGif.
 */
public record ExplainerLaunchOptions(
        ExplainerPreset preset,
        boolean transposed,
        Integer inputSize,
        Integer step,
        Boolean sideBySide,
        Boolean numbers,
        String tab,
        String kernelPreset,
        boolean play,
        Double speed,
        boolean present,
        Path exportGif) {

    private static final String PREFIX = "stride.explainer.";

    public static ExplainerLaunchOptions from(Properties properties) {
        String preset = properties.getProperty(PREFIX + "preset");
        String input = properties.getProperty(PREFIX + "input");
        String step = properties.getProperty(PREFIX + "step");
        String sideBySide = properties.getProperty(PREFIX + "sideBySide");
        String numbers = properties.getProperty(PREFIX + "numbers");
        String speed = properties.getProperty(PREFIX + "speed");
        String gif = properties.getProperty(PREFIX + "exportGif");
        return new ExplainerLaunchOptions(
                preset == null ? null : ExplainerPreset.fromId(preset),
                Boolean.parseBoolean(properties.getProperty(PREFIX + "transposed")),
                input == null ? null : Integer.valueOf(input.trim()),
                step == null ? null : Integer.valueOf(step.trim()),
                sideBySide == null ? null : Boolean.valueOf(sideBySide),
                numbers == null ? null : Boolean.valueOf(numbers),
                properties.getProperty(PREFIX + "tab"),
                properties.getProperty(PREFIX + "kernel"),
                Boolean.parseBoolean(properties.getProperty(PREFIX + "play")),
                speed == null ? null : Double.valueOf(speed.trim()),
                Boolean.parseBoolean(properties.getProperty(PREFIX + "present")),
                gif == null ? null : Path.of(gif));
    }

    /** Whether any option asks for the explainer at start. */
    public boolean any() {
        return preset != null || inputSize != null || step != null || sideBySide != null || numbers != null
                || tab != null || kernelPreset != null || play || speed != null || present || exportGif != null
                || System.getProperty(FpsMeter.PROPERTY) != null;
    }

    /** Puts the view-model in the asked state; the caller shows the view (dock tab or presentation). */
    public void applyTo(ExplainerViewModel model) {
        if (preset != null) {
            model.applyPreset(preset, transposed);
        }
        if (inputSize != null) {
            model.setInputSize(inputSize);
        }
        if (sideBySide != null) {
            model.sideBySideProperty().set(sideBySide);
        }
        if (numbers != null) {
            model.showNumbersProperty().set(numbers);
        }
        if (kernelPreset != null) {
            model.kernelPresetProperty().set(KernelPreset.valueOf(kernelPreset.toUpperCase(Locale.ROOT)));
        }
        if (speed != null) {
            model.speedProperty().set(speed);
        }
        if (step != null) {
            model.goTo(step);
        }
        model.loopProperty().set(Boolean.getBoolean(PREFIX + "loop"));
        if (play) {
            model.play();
        }
    }
}
