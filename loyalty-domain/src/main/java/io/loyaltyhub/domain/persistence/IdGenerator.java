package io.loyaltyhub.domain.persistence;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Time-ordered 64-bit ids assigned by the application: 41 bits of milliseconds since 2025-01-01,
 * 10 bits of node number, 12 bits of sequence. Assigning ids here lets the engine write a whole batch
 * (purchase, ledger entry, lines that reference each other) with JDBC batches and no generated-key round trips.
 * Hub nodes sharing a database must have distinct node numbers ({@link IdSource}). Within one JVM there is one
 * generator per node number ({@link #forNode}): two generators of the same node would start their sequence at 0 in
 * the same millisecond and make the same id.
 */
public final class IdGenerator {
    private static final ConcurrentMap<Integer, IdGenerator> BY_NODE = new ConcurrentHashMap<>();

    private static final long EPOCH_MILLIS = 1_735_689_600_000L;
    private static final int NODE_BITS = 10;
    private static final int SEQUENCE_BITS = 12;
    private static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;
    public static final int MAX_NODE = (1 << NODE_BITS) - 1;

    private final long node;
    private long lastMillis = -1;
    private long sequence;

    private IdGenerator(int node) {
        this.node = node;
    }

    /** This JVM's generator for node number {@code node} (0 to {@link #MAX_NODE}). */
    public static IdGenerator forNode(int node) {
        if (node < 0 || node > MAX_NODE) {
            throw new IllegalArgumentException("node number must be between 0 and " + MAX_NODE);
        }
        return BY_NODE.computeIfAbsent(node, IdGenerator::new);
    }

    public synchronized long nextId() {
        long now = Math.max(System.currentTimeMillis(), lastMillis);
        if (now == lastMillis) {
            sequence = (sequence + 1) & MAX_SEQUENCE;
            if (sequence == 0) {
                now = lastMillis + 1; // borrow the next millisecond rather than wait for it
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return ((now - EPOCH_MILLIS) << (NODE_BITS + SEQUENCE_BITS)) | (node << SEQUENCE_BITS) | sequence;
    }
}
