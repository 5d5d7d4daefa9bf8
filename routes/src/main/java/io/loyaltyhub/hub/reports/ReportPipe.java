package io.loyaltyhub.hub.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Carries a report from the thread writing it (reading the database) to the HTTP response (reading this pipe's
 * input on a Vert.x worker), holding at most {@code chunks} × {@code chunkBytes} in between: the writer waits
 * while the client is slow, so memory stays flat. Unlike {@link java.io.PipedInputStream} a writer never waits
 * forever: when the client stops reading for longer than the stall timeout, or the response is closed, the
 * writer's next write fails and the download ends (and is audited) as failed. A writer that fails calls
 * {@link #abort}, so the reader sees an error instead of a clean but truncated end.
 */
final class ReportPipe {
    private static final byte[] END = new byte[0];
    private static final byte[] FAILED = new byte[0];

    private final BlockingQueue<byte[]> queue;
    private final int chunkBytes;
    private final long stallNanos;
    private volatile boolean readerClosed;
    private volatile IOException failure;

    ReportPipe(int chunks, int chunkBytes, Duration stallTimeout) {
        this.queue = new ArrayBlockingQueue<>(chunks);
        this.chunkBytes = chunkBytes;
        this.stallNanos = stallTimeout.toNanos();
    }

    OutputStream output() {
        return new Output();
    }

    InputStream input() {
        return new Input();
    }

    /** Ends the transfer as failed: the reader's next read throws. */
    void abort(Throwable cause) {
        failure = cause instanceof IOException io ? io : new IOException("report failed: " + cause.getMessage(), cause);
        queue.clear();
        queue.offer(FAILED);
    }

    private void put(byte[] chunk) throws IOException {
        // Checked before offering, never after: once END is in the queue the reader may finish and close at once,
        // and that is a completed download, not a client that went away.
        if (readerClosed) {
            throw new IOException("the client closed the download");
        }
        long deadline = System.nanoTime() + stallNanos;
        try {
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (readerClosed) {
                    throw new IOException("the client closed the download");
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("the client stopped reading the download");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("report writer interrupted");
        }
    }

    private final class Output extends OutputStream {
        private byte[] buffer = new byte[chunkBytes];
        private int used;
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
            if (used == buffer.length) {
                send();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (used == buffer.length) {
                    send();
                }
                int n = Math.min(len, buffer.length - used);
                System.arraycopy(b, off, buffer, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        private void send() throws IOException {
            if (used > 0) {
                byte[] chunk = used == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, used);
                put(chunk);
                buffer = new byte[chunkBytes];
                used = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            send();
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                send();
                put(END);
            }
        }
    }

    private final class Input extends InputStream {
        private byte[] chunk;
        private int position;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (chunk == null || position == chunk.length) {
                if (ended) {
                    return -1;
                }
                byte[] next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("download interrupted");
                }
                if (next == FAILED) {
                    throw failure;
                }
                if (next == END) {
                    ended = true;
                    return -1;
                }
                chunk = next;
                position = 0;
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            readerClosed = true;
            queue.clear();
        }
    }
}
