package dev.credence.exchange;

/**
 * Where an export job is: {@code queued → running → done | failed}; a done job's file is removed after
 * the retention time ({@code credence.export.retention}) and the job becomes {@code expired}.
 */
public enum ExportJobState {
    queued, running, done, failed, expired;

    public boolean isActive() {
        return this == queued || this == running;
    }
}
