package io.loyaltyhub.adapters.poslog;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses a document once it has delivered more bytes than allowed, so an endless body is never read to its end. */
final class SizeLimitedInputStream extends FilterInputStream {

    private final long maxBytes;
    private long delivered;

    SizeLimitedInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        delivered += n;
        if (delivered > maxBytes) {
            throw new PosLogDocumentException(PosLogDocumentException.Reason.TOO_LARGE, "limit " + maxBytes + " bytes");
        }
    }
}
