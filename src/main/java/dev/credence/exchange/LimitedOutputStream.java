package dev.credence.exchange;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Fails the write once more than {@code limit} bytes went through. */
final class LimitedOutputStream extends FilterOutputStream {
    private final long limit;
    private long written;

    LimitedOutputStream(OutputStream out, long limit) {
        super(out);
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        count(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        count(len);
        out.write(b, off, len);
    }

    private void count(int n) throws IOException {
        written += n;
        if (written > limit) {
            throw new IOException("the export file would exceed " + limit
                    + " bytes (credence.export.max-file-bytes)");
        }
    }
}
