package dev.credence.exchange.backup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ClientErrorException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An uploaded backup, checked before anything is stored: a zip whose entries are exactly the manifest and the
 * entries it lists, a format this build reads, and every entry's size and SHA-256 as the manifest says, read
 * with a bound on the bytes unpacked (a zip bomb stops at the limit). Then hands out the entries' rows.
 */
final class BackupArchive implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final int MAX_MANIFEST = 1_000_000;

    /** What the manifest says of one entry. */
    record Listed(String name, long rows, long bytes, String sha256) {
    }

    private final ZipFile zip;
    final JsonNode manifest;
    final Map<String, Listed> entries = new LinkedHashMap<>();

    private BackupArchive(ZipFile zip, JsonNode manifest) {
        this.zip = zip;
        this.manifest = manifest;
    }

    /** Opens and verifies {@code file}; 422 for anything but an intact backup, 413 past {@code maxUnpacked} bytes. */
    static BackupArchive open(Path file, long maxUnpacked) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new BackupException("the upload is not a zip archive (" + e.getMessage() + ")");
        }
        try {
            BackupArchive archive = new BackupArchive(zip, readManifest(zip));
            archive.verify(maxUnpacked);
            return archive;
        } catch (RuntimeException | IOException e) {
            zip.close();
            throw e;
        }
    }

    private static JsonNode readManifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(BackupFormat.MANIFEST);
        if (entry == null) {
            throw new BackupException("no " + BackupFormat.MANIFEST + ": this is not a Credence project backup");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes(MAX_MANIFEST + 1);
        } catch (ZipException e) {
            throw new BackupException(BackupFormat.MANIFEST + ": damaged (" + e.getMessage() + ")");
        }
        if (bytes.length > MAX_MANIFEST) {
            throw new BackupException(BackupFormat.MANIFEST + ": longer than " + MAX_MANIFEST + " bytes");
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new BackupException(BackupFormat.MANIFEST + ": not JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ")");
        }
        if (manifest == null || !manifest.isObject()) {
            throw new BackupException(BackupFormat.MANIFEST + ": not a JSON object");
        }
        if (!BackupFormat.FORMAT.equals(manifest.path("format").asText(null))) {
            throw new BackupException(BackupFormat.MANIFEST + ", field 'format': expected '" + BackupFormat.FORMAT
                    + "': this is not a Credence project backup");
        }
        JsonNode version = manifest.get("formatVersion");
        if (version == null || !version.isIntegralNumber() || version.asLong() < 1) {
            throw new BackupException(BackupFormat.MANIFEST + ", field 'formatVersion': expected a positive integer");
        }
        if (version.asLong() > BackupFormat.VERSION) {
            throw new BackupException(BackupFormat.MANIFEST + ", field 'formatVersion': " + version.asLong()
                    + " is newer than this Credence reads (" + BackupFormat.VERSION + "); the archive was written by Credence "
                    + manifest.path("appVersion").asText("?") + ": restore it there, or upgrade this instance");
        }
        return manifest;
    }

    private void verify(long maxUnpacked) throws IOException {
        JsonNode listed = manifest.get("entries");
        if (listed == null || !listed.isArray()) {
            throw new BackupException(BackupFormat.MANIFEST + ", field 'entries': expected an array");
        }
        int i = 0;
        for (JsonNode e : listed) {
            String where = BackupFormat.MANIFEST + ", entries[" + i++ + "]";
            String name = e.path("name").asText(null);
            if (name == null || !BackupFormat.ENTRIES.contains(name)) {
                throw new BackupException(where + ".name: '" + name + "' is not an entry of format version "
                        + BackupFormat.VERSION);
            }
            if (entries.containsKey(name)) {
                throw new BackupException(where + ".name: '" + name + "' is listed twice");
            }
            JsonNode rows = e.get("rows");
            JsonNode bytes = e.get("bytes");
            JsonNode sha = e.get("sha256");
            if (rows == null || !rows.isIntegralNumber() || bytes == null || !bytes.isIntegralNumber() || sha == null
                    || !sha.isTextual()) {
                throw new BackupException(where + ": expected rows and bytes (integers) and sha256 (hex)");
            }
            entries.put(name, new Listed(name, rows.asLong(), bytes.asLong(), sha.asText().toLowerCase()));
        }
        for (String name : BackupFormat.ENTRIES) {
            if (!entries.containsKey(name) && !BackupFormat.OPTIONAL.contains(name)) {
                throw new BackupException(BackupFormat.MANIFEST + ": entry '" + name + "' is not listed");
            }
        }
        Set<String> seen = new HashSet<>();
        for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
            String name = all.nextElement().getName();
            if (!seen.add(name)) {
                throw new BackupException("the zip holds '" + name + "' twice");
            }
            if (!name.equals(BackupFormat.MANIFEST) && !entries.containsKey(name)) {
                throw new BackupException("unexpected entry '" + name + "': not listed in " + BackupFormat.MANIFEST);
            }
        }
        long unpacked = 0;
        for (Listed e : entries.values()) {
            ZipEntry entry = zip.getEntry(e.name());
            if (entry == null) {
                throw new BackupException("entry '" + e.name() + "' is listed in " + BackupFormat.MANIFEST + " but missing");
            }
            MessageDigest sha = BackupWriter.sha256();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = zip.getInputStream(entry)) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    size += n;
                    unpacked += n;
                    if (unpacked > maxUnpacked) {
                        throw new ClientErrorException("backup: the archive unpacks to more than " + maxUnpacked
                                + " bytes (credence.backup.max-unpacked-bytes)", 413);
                    }
                    sha.update(buffer, 0, n);
                }
            } catch (ZipException ex) {
                throw new BackupException("entry '" + e.name() + "' is damaged (" + ex.getMessage() + ")");
            }
            String actual = HexFormat.of().formatHex(sha.digest());
            if (size != e.bytes() || !actual.equals(e.sha256())) {
                throw new BackupException("entry '" + e.name() + "' does not match " + BackupFormat.MANIFEST + " (SHA-256 "
                        + actual + ", " + size + " bytes; the manifest says " + e.sha256() + ", " + e.bytes()
                        + " bytes): the archive was changed or damaged");
            }
        }
    }

    /** Hands each line of {@code name} to {@code sink} as a row; checks the count against the manifest. */
    void rows(String name, Consumer<BackupRow> sink) throws IOException {
        Listed listed = entries.get(name);
        if (listed == null && BackupFormat.OPTIONAL.contains(name)) {
            return; // an archive from before this entry existed
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long line = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(zip.getInputStream(zip.getEntry(name)), decoder))) {
            for (String text; (text = readLine(in, name, line + 1)) != null;) {
                line++;
                JsonNode node;
                try {
                    node = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    throw BackupException.at(name, line, null, "not JSON (" + e.getOriginalMessage() + ")");
                }
                if (node == null || !node.isObject()) {
                    throw BackupException.at(name, line, null, "expected a JSON object");
                }
                sink.accept(new BackupRow(name, line, node));
            }
        }
        if (line != listed.rows()) {
            throw new BackupException(name + ": " + line + " rows, but " + BackupFormat.MANIFEST + " says " + listed.rows());
        }
    }

    private static String readLine(BufferedReader in, String name, long line) throws IOException {
        try {
            return in.readLine();
        } catch (CharacterCodingException e) {
            throw BackupException.at(name, line, null, "not valid UTF-8");
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
