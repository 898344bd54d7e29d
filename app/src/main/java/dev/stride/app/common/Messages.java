package dev.stride.app.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The UI's words in the chosen language (English or Simplified Chinese), from resources/i18n. */
public final class Messages {
    public static final String BUNDLE = "dev.stride.resources.i18n.messages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** English unless -Dstride.lang=zh or the system locale is Chinese. */
    public static Messages forDefaultLocale() {
        String lang = System.getProperty("stride.lang", Locale.getDefault().getLanguage());
        return of(lang.startsWith("zh") ? CHINESE : Locale.ENGLISH);
    }

    public static Messages of(Locale locale) {
        return new Messages(locale.getLanguage().equals("zh") ? CHINESE : Locale.ROOT);
    }

    public Locale locale() {
        return locale;
    }

    /** The text for a key; a missing key shows as the key itself so it is visible, never an exception. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
