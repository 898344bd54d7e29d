package dev.stride.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Stride, as Maven stamped it into the engine jar. */
public final class StrideVersion {
    private StrideVersion() {
    }

    public static String current() {
        try (InputStream in = StrideVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
