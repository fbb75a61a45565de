package dev.credence.exchange.backup;

import dev.credence.web.UnprocessableException;

/** 422: an archive that is not a Credence backup, is damaged or changed, or holds a row that cannot be restored. */
public class BackupException extends UnprocessableException {
    public BackupException(String detail) {
        super("backup: " + detail);
    }

    /** A problem with one field of one row: "claims.jsonl line 12, field 'start': expected an integer". */
    static BackupException at(String entry, long line, String field, String problem) {
        return new BackupException(entry + " line " + line + (field == null ? "" : ", field '" + field + "'") + ": "
                + problem);
    }
}
