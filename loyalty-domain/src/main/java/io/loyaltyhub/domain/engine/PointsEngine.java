package io.loyaltyhub.domain.engine;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.txn.OccurredAtWindow;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credits, reverses and redeems points. A whole batch of transactions is applied in one database
 * transaction (that is where throughput comes from); copies of a transaction already answered change
 * nothing and get the first answer. Deadlocks, lock time-outs and a key claimed by a concurrent batch
 * roll the batch back and run it again, a bounded number of times. A transaction the database refuses for
 * its own data (see {@link BatchFailure}) is found by applying the batch one transaction at a time, and gets a
 * final answer ({@link ResultCode#CANNOT_APPLY}) while the others are applied. Only an outage, or contention
 * that does not pass, fails the batch with an {@link EngineException}: then nothing of it was written.
 */
public final class PointsEngine {
    private static final Logger log = LoggerFactory.getLogger(PointsEngine.class);

    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final int maxAttempts;
    private final OccurredAtWindow window;

    public PointsEngine(Database database, IdGenerator ids, Clock clock, int maxAttempts) {
        this(database, ids, clock, maxAttempts, OccurredAtWindow.DEFAULT);
    }

    public PointsEngine(Database database, IdGenerator ids, Clock clock, int maxAttempts, OccurredAtWindow window) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.window = window;
    }

    /** The same engine with another window on occurredAt: for loading history (a demo's seed), never for terminals. */
    public PointsEngine withWindow(OccurredAtWindow otherWindow) {
        return new PointsEngine(database, ids, clock, maxAttempts, otherWindow);
    }

    public TransactionOutcome apply(PosTransaction transaction) {
        return applyBatch(List.of(transaction)).get(0);
    }

    /** @return one outcome per transaction, in the same order */
    public List<TransactionOutcome> applyBatch(List<PosTransaction> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        try {
            return applyWithRetries(batch);
        } catch (PermanentFailure e) {
            if (batch.size() == 1) {
                PosTransaction t = batch.get(0);
                log.error("transaction {} can never be applied, answered {}: {}", t.key(), ResultCode.CANNOT_APPLY.code(),
                        e.getCause().toString());
                return List.of(new TransactionOutcome(ResultCode.CANNOT_APPLY, 0, TransactionOutcome.NO_BALANCE,
                        t.card().token().last4(), false));
            }
            log.warn("batch of {} refused for its data ({}); applying its transactions one at a time", batch.size(),
                    e.getCause().toString());
            List<TransactionOutcome> outcomes = new ArrayList<>(batch.size());
            for (PosTransaction t : batch) {
                outcomes.add(applyBatch(List.of(t)).get(0));
            }
            return outcomes;
        }
    }

    /**
     * Applies the batch, running it again while it is rolled back by contention (see {@link #contentionRetries}).
     *
     * @throws PermanentFailure when the database refuses the batch for its data
     * @throws EngineException on an outage, or contention that does not pass: nothing of the batch was written
     */
    private List<TransactionOutcome> applyWithRetries(List<PosTransaction> batch) {
        AtomicInteger attempts = new AtomicInteger();
        Throwable failure;
        try {
            return Failsafe.with(contentionRetries(batch.size())).get(() -> {
                attempts.incrementAndGet();
                return applyOnce(batch);
            });
        } catch (FailsafeException e) {
            failure = e.getCause(); // a checked exception: an SQLException, or an interrupt during a pause
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure instanceof InterruptedException) {
            throw new EngineException("interrupted while a batch of " + batch.size() + " transactions waited to be "
                    + "applied again", failure);
        }
        BatchFailure kind = BatchFailure.of(failure);
        if (kind == BatchFailure.PERMANENT || kind == BatchFailure.KEY_CLAIMED) {
            throw new PermanentFailure(failure); // a key still refused after every attempt is the data itself
        }
        throw new EngineException("could not apply a batch of " + batch.size() + " transactions after "
                + attempts.get() + " attempt(s): " + failure.getMessage(), failure);
    }

    /**
     * Contention — a deadlock, a lock wait time-out, a key a concurrent batch claimed first — rolls the batch back and
     * runs it again, up to {@code maxAttempts} in all, after a random pause that grows with each attempt (1 to 2 ms
     * after the first, up to 2 ms per attempt), so that two batches that deadlocked do not meet again in step. An
     * outage or data the database refuses is not retried here: the caller decides.
     */
    private RetryPolicy<List<TransactionOutcome>> contentionRetries(int batchSize) {
        return RetryPolicy.<List<TransactionOutcome>>builder()
                .handleIf((outcomes, failure) -> failure != null && BatchFailure.of(failure).passes())
                .withMaxAttempts(maxAttempts)
                .withDelayFn(context -> Duration.ofMillis(
                        ThreadLocalRandom.current().nextLong(1, 2L * Math.max(1, context.getAttemptCount()) + 1)))
                .onRetry(event -> log.debug("batch of {} rolled back on attempt {} ({}), retrying", batchSize,
                        event.getAttemptCount(), event.getLastException().getMessage()))
                .build();
    }

    /** One attempt: the batch in one database transaction, committed durably, or rolled back. */
    private List<TransactionOutcome> applyOnce(List<PosTransaction> batch) throws SQLException {
        try (Connection c = database.connection()) {
            try {
                List<TransactionOutcome> outcomes = new EngineBatch(c, ids, now(), window, database.config().isMySql())
                        .run(batch);
                database.commitDurably(c);
                return outcomes;
            } catch (SQLException | RuntimeException e) {
                c.rollback(); // when this fails too, its exception is the failure: the database is not there
                throw e;
            }
        }
    }

    /** The database refused the batch for its data: running the same batch again would fail the same way. */
    private static final class PermanentFailure extends RuntimeException {
        PermanentFailure(Throwable cause) {
            super(cause);
        }
    }

    /** As the database keeps it ({@link Database#now}): the ledger chain hashes the time as stored. */
    private LocalDateTime now() {
        return database.now(clock);
    }
}
