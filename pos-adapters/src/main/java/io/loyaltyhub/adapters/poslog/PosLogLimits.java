package io.loyaltyhub.adapters.poslog;

/**
 * How much of a POSLog document the hub is willing to read. A document beyond any limit is refused as a
 * whole before anything in it is credited, so a hostile or runaway back office cannot exhaust the hub.
 */
public record PosLogLimits(long maxDocumentBytes, int maxElementDepth, int maxTransactions) {

    /** 4 MiB holds a few thousand real transactions (the 51-transaction NCR sample is 0.9 MiB). */
    public static final PosLogLimits DEFAULT = new PosLogLimits(4L * 1024 * 1024, 32, 10_000);

    public PosLogLimits {
        if (maxDocumentBytes < 1 || maxElementDepth < 3 || maxTransactions < 1) {
            throw new IllegalArgumentException("POSLog limits must allow at least a one-transaction document");
        }
    }
}
