package dev.stride.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.app.common.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void chineseBundleTranslatesEveryEnglishKey() throws IOException {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh_CN.properties");
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void picksTheLanguageAndFormatsArguments() {
        assertThat(Messages.of(Locale.ENGLISH).get("status.opened", "a.stride")).isEqualTo("Opened a.stride");
        assertThat(Messages.of(Locale.SIMPLIFIED_CHINESE).get("menu.file")).isEqualTo("文件");
    }

    @Test
    void aMissingKeyIsVisibleInsteadOfThrowing() {
        assertThat(Messages.of(Locale.ENGLISH).get("no.such.key")).isEqualTo("!no.such.key!");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/dev/stride/resources/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
