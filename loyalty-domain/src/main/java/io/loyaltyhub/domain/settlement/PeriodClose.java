package io.loyaltyhub.domain.settlement;

import io.loyaltyhub.domain.ledger.LedgerChain;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.persistence.MerchantSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Closes settlement periods (docs/settlement.md). The period is marked CLOSING, then each merchant's statement is
 * written in a transaction of its own that first locks the merchant's ledger chain head: the statement covers the
 * chain from where the merchant's last statement ended up to its last entry made before the period's end, and an
 * entry appended after that lands in the next period however early its time. A merchant whose statement exists is
 * skipped, so a close stopped halfway is finished by running it again and never writes a statement twice. Then the
 * operator's liability as of the period's end is recorded (once: {@link PeriodLiability}). Last, the period's
 * checkpoint is signed, the period marked CLOSED and the next one opened.
 */
public final class PeriodClose {
    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;
    private final StatementSigner signer;

    public PeriodClose(Database database, IdGenerator ids, Clock clock, StatementSigner signer) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
        this.signer = signer;
    }

    /** @param alreadyClosed the period had been closed before: nothing was written */
    public record Closed(SettlementPeriod period, int statementsWritten, boolean alreadyClosed) {
    }

    /**
     * Closes the period entries land in now. It must have ended, or {@code endNow} ends it at this instant; one left
     * CLOSING by a stopped close is finished. Refused with {@code period-not-ended} or {@code no-settlement-terms}.
     */
    public Closed closeCurrent(boolean endNow) {
        return closeCurrent(endNow, merchant -> { });
    }

    /** The same, telling {@code afterEachMerchant} of each merchant whose statement is done (the command's progress). */
    public Closed closeCurrent(boolean endNow, Consumer<MerchantId> afterEachMerchant) {
        return finish(beginClosing(endNow), afterEachMerchant);
    }

    /** Closes the given period again: a no-op when it is closed, the rest of the close when it is CLOSING. */
    public Closed closePeriod(long periodId) {
        SettlementPeriod period = database.inJdbcTransaction("settlement period", c -> SettlementPeriods.byId(c, periodId))
                .orElseThrow(() -> new SettlementRefused("no-such-period", "there is no settlement period " + periodId));
        return switch (period.status()) {
            case CLOSED -> new Closed(period, 0, true);
            case CLOSING -> finish(period, merchant -> { });
            case OPEN -> closeCurrent(false);
        };
    }

    /** The open period, created when there is none yet; for reading which period entries land in now. */
    public SettlementPeriod current() {
        return database.inJdbcTransaction("settlement period", this::unclosed);
    }

    private SettlementPeriod unclosed(Connection c) throws SQLException {
        Optional<SettlementPeriod> open = SettlementPeriods.lockUnclosed(c);
        if (open.isPresent()) {
            return open.get();
        }
        PeriodKind kind = SettlementTerms.programme(c).orElseThrow(SettlementTerms::noProgramme).periodKind();
        return SettlementPeriods.openFirst(c, ids.nextId(), kind, now());
    }

    private SettlementPeriod beginClosing(boolean endNow) {
        return database.inJdbcTransaction("settlement period close", c -> {
            SettlementPeriod period = unclosed(c);
            if (period.status() == SettlementPeriod.Status.CLOSING) {
                return period;
            }
            LocalDateTime now = now();
            LocalDateTime end = period.end();
            if (now.isBefore(end)) {
                if (!endNow) {
                    throw new SettlementRefused("period-not-ended", period + " has not ended: close it after " + end
                            + ", or end it now with --now");
                }
                end = now;
            }
            return SettlementPeriods.markClosing(c, period, end);
        });
    }

    /** Writes the statements still missing, then closes the period. */
    private Closed finish(SettlementPeriod period, Consumer<MerchantId> afterEachMerchant) {
        List<MerchantId> merchants = database.inJdbcTransaction("settlement period close", PeriodClose::merchants);
        int written = 0;
        for (MerchantId merchant : merchants) {
            boolean wrote = database.inJdbcTransaction("statement of merchant " + merchant,
                    c -> writeStatement(c, period, merchant));
            if (wrote) {
                written++;
            }
            afterEachMerchant.accept(merchant);
        }
        database.inJdbcTransaction("liability of " + period, c -> {
            SettlementPeriods.lockById(c, period.id());
            PeriodLiability.record(c, period, now());
            return null;
        });
        database.inJdbcTransaction("settlement period close", c -> {
            SettlementPeriods.lockById(c, period.id());
            StatementSeal.checkpoint(c, period, signer, now());
            if (SettlementPeriods.markClosed(c, period, now())) {
                PeriodKind kind = SettlementTerms.programme(c).map(ProgrammeTerms::periodKind).orElse(period.kind());
                SettlementPeriods.open(c, ids.nextId(), kind, period.end());
            }
            return null;
        });
        return new Closed(new SettlementPeriod(period.id(), period.kind(), period.startsAt(), period.end(),
                SettlementPeriod.Status.CLOSED), written, false);
    }

    private static List<MerchantId> merchants(Connection c) throws SQLException {
        List<MerchantId> merchants = new ArrayList<>();
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id FROM merchant ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                merchants.add(new MerchantId(rs.getLong(1)));
            }
        }
        return merchants;
    }

    /** @return false when the merchant's statement of this period was already written */
    private boolean writeStatement(Connection c, SettlementPeriod period, MerchantId merchant) throws SQLException {
        LedgerChain.lockLastPosition(c, merchant);
        MerchantSql sql = MerchantSql.on(c, merchant);
        if (StatementStore.find(sql, period.id()).isPresent()) {
            return false;
        }
        MerchantTerms terms = SettlementTerms.lock(sql, now());
        ProgrammeTerms programme = SettlementTerms.programme(c).orElseThrow(SettlementTerms::noProgramme);
        long from = StatementStore.lastCovered(sql);
        long to = cut(sql, from, period.end());
        long[] topups = takeTopups(sql, period);
        MerchantStatement statement = MerchantStatement.settle(period.id(), merchant, from, to,
                PointsFigures.read(sql, from, to), GiftFigures.read(sql, from, to), programme, terms, topups[0], topups[1]);
        StatementStore.insert(c, statement, now(), ids);
        StatementSeal.seal(c, statement, period, signer);
        if (terms.billing() == Billing.PREPAID) {
            try (PreparedStatement ps = sql.prepare("UPDATE settlement_merchant_terms SET prepaid_points = ? "
                    + "WHERE merchant_id = :merchant")) {
                ps.setLong(1, statement.prepaidLeft());
                ps.executeUpdate();
            }
        }
        return true;
    }

    /** The last chain position after {@code from} whose entry was made before the period's end ({@code from} if none). */
    private static long cut(MerchantSql sql, long from, LocalDateTime end) throws SQLException {
        try (PreparedStatement ps = sql.prepare("SELECT MAX(k.chain_seq) FROM ledger_chain_link k JOIN ledger_entry e "
                + "ON e.id = k.entry_id AND e.merchant_id = k.merchant_id WHERE k.merchant_id = :merchant AND k.chain_seq > ? "
                + "AND e.created_at < ?")) {
            ps.setLong(1, from);
            ps.setObject(2, end);
            try (ResultSet rs = ps.executeQuery()) {
                long last = rs.next() ? rs.getLong(1) : 0;
                return Math.max(from, last);
            }
        }
    }

    /** The top-ups bought before the period's end and not yet billed, now billed in this period: {points, minor}. */
    private static long[] takeTopups(MerchantSql sql, SettlementPeriod period) throws SQLException {
        long[] sums = new long[2];
        try (PreparedStatement ps = sql.prepare("SELECT COALESCE(SUM(points), 0), COALESCE(SUM(amount_minor), 0) FROM "
                + "prepaid_topup WHERE merchant_id = :merchant AND period_id IS NULL AND created_at < ?")) {
            ps.setObject(1, period.end());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    sums[0] = rs.getLong(1);
                    sums[1] = rs.getLong(2);
                }
            }
        }
        try (PreparedStatement ps = sql.prepare("UPDATE prepaid_topup SET period_id = ? WHERE merchant_id = :merchant "
                + "AND period_id IS NULL AND created_at < ?")) {
            ps.setLong(1, period.id());
            ps.setObject(2, period.end());
            ps.executeUpdate();
        }
        return sums;
    }

    private LocalDateTime now() {
        return database.now(clock);
    }
}
