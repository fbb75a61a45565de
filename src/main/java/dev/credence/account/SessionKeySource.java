package dev.credence.account;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.AbstractConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Keeps login sessions across restarts without configuration: the key that encrypts the session cookie
 * ({@code quarkus.http.auth.session.encryption-key}) is read from a file in the data directory,
 * {@code data/session.key} (or {@code credence.session.key-file} / {@code CREDENCE_SESSION_KEY_FILE}), which
 * the first start creates with 32 random bytes and owner-only permissions (rw-------). Without it Quarkus used a
 * fresh key per start: every restart logged everyone out, and the log printed the temporary key.
 *
 * <p>application.properties refers to it as {@code ${CREDENCE_SESSION_KEY:${credence.session.file-key}}}, so an
 * explicit {@code CREDENCE_SESSION_KEY} (several instances behind a load balancer share one) wins and no file is
 * read. The file is read or created only when that property is resolved (at run time, not during the build).
 * Two instances creating it at the same moment agree on one key: the file appears atomically (a hard link of a
 * complete temporary file) and the loser reads the winner's.
 */
public final class SessionKeySource implements ConfigSourceFactory {
    static final String PROPERTY = "credence.session.file-key";
    static final String FILE_PROPERTY = "credence.session.key-file";
    static final String DEFAULT_FILE = "data/session.key";

    @Override
    public Iterable<org.eclipse.microprofile.config.spi.ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue file = context.getValue(FILE_PROPERTY);
        Path path = Path.of(file != null && file.getValue() != null && !file.getValue().isBlank() ? file.getValue()
                : DEFAULT_FILE);
        return List.of(new Source(path));
    }

    /** Reads the key from {@code path}, creating the file first when it does not exist. */
    static String readOrCreate(Path path) {
        try {
            if (!Files.exists(path)) {
                create(path);
            }
            String key = Files.readString(path, StandardCharsets.US_ASCII).strip();
            if (key.length() < 32) {
                throw new IllegalStateException("the session key in " + path.toAbsolutePath()
                        + " is shorter than 32 characters: delete the file (a new one is made at start) or set CREDENCE_SESSION_KEY");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the session key file " + path.toAbsolutePath()
                    + " (set CREDENCE_SESSION_KEY, or CREDENCE_SESSION_KEY_FILE to a writable place)", e);
        }
    }

    private static void create(Path path) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = Base64.getEncoder().encodeToString(random);
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, ".session-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            tmp = Files.createTempFile(dir, ".session-key", ".tmp");
        }
        try {
            Files.writeString(tmp, key + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(path, tmp);
            } catch (FileAlreadyExistsException anotherInstanceWasFaster) {
                // keep theirs
            } catch (UnsupportedOperationException noHardLinks) {
                try {
                    Files.move(tmp, path);
                } catch (FileAlreadyExistsException anotherInstanceWasFaster) {
                    // keep theirs
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Serves the one property, computed on first use. */
    static final class Source extends AbstractConfigSource {
        private final Path path;
        private volatile String key;

        Source(Path path) {
            // Below every ordinary source: only its own property name, which nothing else defines.
            super("credence session key file " + path, 50);
            this.path = path;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public String getValue(String name) {
            if (!PROPERTY.equals(name)) {
                return null;
            }
            String k = key;
            if (k == null) {
                synchronized (this) {
                    if (key == null) {
                        key = readOrCreate(path);
                    }
                    k = key;
                }
            }
            return k;
        }
    }
}
