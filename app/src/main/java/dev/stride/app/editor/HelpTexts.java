package dev.stride.app.editor;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Help for layers and their parameters, in the UI's language, from resources/help: a layer-specific text
 * ({@code Conv2D.strides}) wins over the general one ({@code strides}).
 */
public final class HelpTexts {
    static final String BUNDLE = "dev.stride.resources.help.parameters";

    private final ResourceBundle bundle;

    public HelpTexts(Locale locale) {
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE
                : Locale.ROOT, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Help for a parameter given by its Keras name, or "" when there is none. */
    public String parameter(String layerType, String kerasName) {
        return find(layerType + "." + kerasName).orElseGet(() -> find(kerasName).orElse(""));
    }

    /** What a layer kind does, or "". */
    public String layer(String layerType) {
        return find(layerType).orElse("");
    }

    private java.util.Optional<String> find(String key) {
        try {
            return java.util.Optional.of(bundle.getString(key));
        } catch (MissingResourceException e) {
            return java.util.Optional.empty();
        }
    }
}
