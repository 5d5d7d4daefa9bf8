package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.Sql;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credits, reverses and redeems points. A whole batch of transactions is applied in one database
 * transaction (that is where throughput comes from); copies of a transaction already answered change
 * nothing and get the first answer. Deadlocks, lock time-outs and a key claimed by a concurrent batch
 * roll the batch back and run it again, a bounded number of times.
 */
public final class PointsEngine {
    private static final Logger log = LoggerFactory.getLogger(PointsEngine.class);

    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final int maxAttempts;

    public PointsEngine(Database database, IdGenerator ids, Clock clock, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    public TransactionOutcome apply(PosTransaction transaction) {
        return applyBatch(List.of(transaction)).get(0);
    }

    /** @return one outcome per transaction, in the same order */
    public List<TransactionOutcome> applyBatch(List<PosTransaction> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            try (Connection c = database.connection()) {
                try {
                    List<TransactionOutcome> outcomes = new EngineBatch(c, ids, now(), database.config().isMySql()).run(batch);
                    database.commitDurably(c);
                    return outcomes;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (!Sql.isRetryable(e) || attempt >= maxAttempts) {
                    throw new EngineException("could not apply a batch of " + batch.size() + " transactions after "
                            + attempt + " attempt(s): " + e.getMessage(), e);
                }
                log.debug("batch of {} rolled back on attempt {} ({}), retrying", batch.size(), attempt, e.getMessage());
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000, 2_000_000L * attempt));
            }
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
