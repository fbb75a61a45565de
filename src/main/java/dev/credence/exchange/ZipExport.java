package dev.credence.exchange;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip written entry by entry onto the response stream (no temporary file), with the
 * dataset card ({@code README.md}) as its last entry. Zip formats (Label Studio, brat, ...)
 * use one and feed every page to {@link #card()} as they write it.
 */
public final class ZipExport implements AutoCloseable {
    private final ZipOutputStream zip;
    private final DatasetCard card;
    private boolean open;

    public ZipExport(OutputStream out, DatasetCard card) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.card = card;
    }

    public DatasetCard card() {
        return card;
    }

    /**
     * Starts the entry {@code name} and returns a stream for its bytes; closing that stream ends the
     * entry (not the zip). The previous entry is ended first if still open.
     */
    public OutputStream entry(String name) throws IOException {
        endEntry();
        zip.putNextEntry(new ZipEntry(name));
        open = true;
        return new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                endEntry();
            }
        };
    }

    /** A whole small entry at once. */
    public void entry(String name, String content) throws IOException {
        try (OutputStream out = entry(name)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    public void flush() throws IOException {
        zip.flush();
    }

    private void endEntry() throws IOException {
        if (open) {
            zip.closeEntry();
            open = false;
        }
    }

    /** Writes README.md (the dataset card) and the zip's central directory; the response stream stays open. */
    @Override
    public void close() throws IOException {
        entry("README.md", card.render());
        zip.finish();
        zip.flush();
    }
}
