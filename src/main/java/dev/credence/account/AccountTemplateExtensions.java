package dev.credence.account;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How times read on account pages: to the minute, in UTC. */
@TemplateExtension
public class AccountTemplateExtensions {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private AccountTemplateExtensions() {
    }

    static String minute(Instant at) {
        return at == null ? "never" : MINUTE.format(at);
    }
}
