package dev.credence.history;

import dev.credence.web.CsvCells;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A project's history as CSV, oldest first, streamed from the database in batches. */
@ApplicationScoped
public class HistoryCsv {
    static final String[] HEADER = {"id", "changed_at", "user", "project_id", "document_id", "entity_type",
            "entity_id", "action", "changed_fields", "before", "after"};

    @Inject
    HistoryService history;

    public StreamingOutput stream(HistoryFilter filter) {
        return out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
            try {
                QuarkusTransaction.requiringNew().run(() -> history.each(filter, e -> {
                    try {
                        csv.printRecord(e.id, e.changedAt, CsvCells.cell(e.username), e.projectId, e.documentId, e.entityType,
                                e.entityId, e.action, history.changes(e.before, e.after).stream()
                                        .map(FieldChange::field).collect(Collectors.joining(" ")),
                                CsvCells.cell(e.before), CsvCells.cell(e.after));
                    } catch (IOException io) {
                        throw new UncheckedIOException(io);
                    }
                }));
            } catch (UncheckedIOException io) {
                throw io.getCause();
            }
            csv.flush();
        };
    }
}
