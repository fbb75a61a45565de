package dev.credence.exchange;

import java.io.IOException;
import java.util.List;

/**
 * One export format's writer. The export calls {@link #page} with each page of documents, in
 * document id order, then {@link #close}. A writer keeps only what it needs across pages
 * (counters, a dataset card), never the documents themselves.
 */
public interface ExportWriter extends AutoCloseable {
    /** Writes one page of documents and flushes what it wrote to the client. */
    void page(List<ExportRows.Document> page) throws IOException;

    /** Finishes the export (closing brackets, the zip's README.md, ...); the response stream stays open. */
    @Override
    void close() throws IOException;

    /** Opens a format's writer on the response stream. */
    @FunctionalInterface
    interface Factory {
        ExportWriter open(ExportContext context, java.io.OutputStream out) throws IOException;
    }
}
