package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.MerchantSql;
import io.loyaltyhub.domain.persistence.Sql;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The limits of one engine batch (docs/limits.md): the programme's and the merchant's, a transaction must pass both.
 * The rules are read once per batch (a tiny table); the counters only when a rule needs them, in one locking query,
 * and written back in one batch of statements. With no limit set, this costs the batch one query and nothing else.
 */
final class TransactionLimits {
    private static final String PROGRAMME = "*";

    /** One scope's limits; null = none. */
    record Rule(Long maxAmount, Long swipesPerCardHour, Long redeemedPerCardDay, Long txnsPerTerminalMinute) {
    }

    /** A transaction a limit declined, for the operator's list. */
    record Refusal(long id, PosTransaction t, Long cardId, ResultCode result, long limit, LocalDateTime at) {
    }

    private static final class Counter {
        final String key;
        final boolean stored;
        LocalDateTime windowStart;
        long counted;
        boolean changed;

        Counter(String key, boolean stored, LocalDateTime windowStart, long counted) {
            this.key = key;
            this.stored = stored;
            this.windowStart = windowStart;
            this.counted = counted;
        }
    }

    private final LocalDateTime now;
    private final LongSupplier ids;
    private Rule programme;
    private final Map<Long, Rule> merchants = new HashMap<>();
    private final Map<String, Counter> counters = new LinkedHashMap<>();
    private final List<Refusal> refusals = new ArrayList<>();

    TransactionLimits(LocalDateTime now, LongSupplier ids) {
        this.now = now;
        this.ids = ids;
    }

    /** Reads the rules and locks the counters the batch's transactions may move (card ids from {@code cardOf}). */
    void load(Connection c, List<PosTransaction> batch, Function<PosTransaction, Long> cardOf) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT merchant_id, max_amount_minor, max_swipes_per_card_hour, "
                + "max_redeemed_per_card_day, max_txns_per_terminal_minute FROM transaction_limit");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long merchant = rs.getLong(1);
                boolean wholeProgramme = rs.wasNull();
                Rule rule = new Rule(value(rs, 2), value(rs, 3), value(rs, 4), value(rs, 5));
                if (wholeProgramme) {
                    programme = rule;
                } else {
                    merchants.put(merchant, rule);
                }
            }
        }
        if (programme == null && merchants.isEmpty()) {
            return;
        }
        TreeSet<String> keys = new TreeSet<>();
        for (PosTransaction t : batch) {
            Long card = cardOf.apply(t);
            Rule own = merchants.get(t.merchantId().value());
            for (Rule rule : new Rule[] {programme, own}) {
                if (rule == null) {
                    continue;
                }
                String scope = rule == programme ? PROGRAMME : Long.toString(t.merchantId().value());
                if (rule.txnsPerTerminalMinute() != null) {
                    keys.add(terminalKey(t));
                }
                if (card != null && rule.swipesPerCardHour() != null) {
                    keys.add("swipes:" + card + ":" + scope);
                }
                if (card != null && rule.redeemedPerCardDay() != null && t.type() == TransactionType.REDEEM) {
                    keys.add("redeemed:" + card + ":" + scope);
                }
            }
        }
        if (!keys.isEmpty()) {
            lockCounters(c, keys);
        }
    }

    private static Long value(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private void lockCounters(Connection c, TreeSet<String> keys) throws SQLException {
        try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT counter_key, window_start, counted FROM limit_counter "
                + "WHERE counter_key IN (" + Sql.placeholders(keys.size()) + ") ORDER BY counter_key FOR UPDATE")) {
            int i = 1;
            for (String key : keys) {
                ps.setString(i++, key);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counters.put(rs.getString(1), new Counter(rs.getString(1), true,
                            rs.getObject(2, LocalDateTime.class), rs.getLong(3)));
                }
            }
        }
        for (String key : keys) {
            counters.computeIfAbsent(key, k -> new Counter(k, false, now, 0));
        }
    }

    /**
     * Whether the transaction passes every limit; when it does, it is counted (a swipe of its card, a transaction of
     * its terminal). Redemptions are counted only once approved ({@link #redeemed}).
     *
     * @param cardId the stored card presented, null for a card not activated yet (only amount and terminal limits)
     * @return null when it passes, else the code it is declined with (and the refusal is kept for the operator)
     */
    ResultCode check(PosTransaction t, Long cardId) {
        if (programme == null && merchants.isEmpty()) {
            return null;
        }
        Rule own = merchants.get(t.merchantId().value());
        for (Rule rule : new Rule[] {programme, own}) {
            if (rule == null) {
                continue;
            }
            String scope = rule == programme ? PROGRAMME : Long.toString(t.merchantId().value());
            ResultCode refused = refusal(t, cardId, rule, scope);
            if (refused != null) {
                return refused;
            }
        }
        for (Rule rule : new Rule[] {programme, own}) {
            if (rule == null) {
                continue;
            }
            String scope = rule == programme ? PROGRAMME : Long.toString(t.merchantId().value());
            if (rule.txnsPerTerminalMinute() != null) {
                add(terminalKey(t), ChronoUnit.MINUTES, 1);
            }
            if (cardId != null && rule.swipesPerCardHour() != null) {
                add("swipes:" + cardId + ":" + scope, ChronoUnit.HOURS, 1);
            }
        }
        return null;
    }

    private ResultCode refusal(PosTransaction t, Long cardId, Rule rule, String scope) {
        boolean moneyMoves = t.type() == TransactionType.SALE || t.type() == TransactionType.REFUND;
        if (rule.maxAmount() != null && moneyMoves && t.amount().minorUnits() > rule.maxAmount()) {
            return refuse(t, cardId, ResultCode.AMOUNT_OVER_LIMIT, rule.maxAmount());
        }
        if (rule.txnsPerTerminalMinute() != null
                && counted(terminalKey(t), ChronoUnit.MINUTES) + 1 > rule.txnsPerTerminalMinute()) {
            return refuse(t, cardId, ResultCode.TERMINAL_RATE_LIMIT, rule.txnsPerTerminalMinute());
        }
        if (cardId != null && rule.swipesPerCardHour() != null
                && counted("swipes:" + cardId + ":" + scope, ChronoUnit.HOURS) + 1 > rule.swipesPerCardHour()) {
            return refuse(t, cardId, ResultCode.CARD_SWIPE_LIMIT, rule.swipesPerCardHour());
        }
        if (cardId != null && rule.redeemedPerCardDay() != null && t.type() == TransactionType.REDEEM
                && counted("redeemed:" + cardId + ":" + scope, ChronoUnit.DAYS) + t.redeemPoints() > rule.redeemedPerCardDay()) {
            return refuse(t, cardId, ResultCode.REDEEM_LIMIT, rule.redeemedPerCardDay());
        }
        return null;
    }

    /**
     * A reward's price against the card's daily redeem limits: a REDEEM of a reward carries no points, its price is known
     * once the reward is found (docs/rewards.md). @return null when it passes, else {@link ResultCode#REDEEM_LIMIT}
     */
    ResultCode checkRedeemed(PosTransaction t, Long cardId, long points) {
        if (cardId == null) {
            return null;
        }
        Rule own = merchants.get(t.merchantId().value());
        for (Rule rule : new Rule[] {programme, own}) {
            if (rule == null || rule.redeemedPerCardDay() == null) {
                continue;
            }
            String scope = rule == programme ? PROGRAMME : Long.toString(t.merchantId().value());
            if (counted("redeemed:" + cardId + ":" + scope, ChronoUnit.DAYS) + points > rule.redeemedPerCardDay()) {
                return refuse(t, cardId, ResultCode.REDEEM_LIMIT, rule.redeemedPerCardDay());
            }
        }
        return null;
    }

    /** The first transaction of a card that it activated counts as the card's first swipe. */
    void activated(PosTransaction t, long cardId) {
        for (Rule rule : new Rule[] {programme, merchants.get(t.merchantId().value())}) {
            if (rule != null && rule.swipesPerCardHour() != null) {
                String scope = rule == programme ? PROGRAMME : Long.toString(t.merchantId().value());
                add("swipes:" + cardId + ":" + scope, ChronoUnit.HOURS, 1);
            }
        }
    }

    /** An approved redemption counts against the card's daily limits. */
    void redeemed(PosTransaction t, Long cardId, long points) {
        if (cardId == null) {
            return;
        }
        Rule own = merchants.get(t.merchantId().value());
        if (programme != null && programme.redeemedPerCardDay() != null) {
            add("redeemed:" + cardId + ":" + PROGRAMME, ChronoUnit.DAYS, points);
        }
        if (own != null && own.redeemedPerCardDay() != null) {
            add("redeemed:" + cardId + ":" + t.merchantId().value(), ChronoUnit.DAYS, points);
        }
    }

    private ResultCode refuse(PosTransaction t, Long cardId, ResultCode result, long limit) {
        refusals.add(new Refusal(ids.getAsLong(), t, cardId, result, limit, now));
        return result;
    }

    private long counted(String key, ChronoUnit window) {
        Counter counter = counters.get(key);
        return counter == null || !counter.windowStart.equals(now.truncatedTo(window)) ? 0 : counter.counted;
    }

    private void add(String key, ChronoUnit window, long amount) {
        // a card activated earlier in this batch has no counter read: it has none stored yet
        Counter counter = counters.computeIfAbsent(key, k -> new Counter(k, false, now, 0));
        LocalDateTime start = now.truncatedTo(window);
        if (!counter.windowStart.equals(start)) {
            counter.windowStart = start;
            counter.counted = 0;
        }
        counter.counted += amount;
        counter.changed = true;
    }

    private static String terminalKey(PosTransaction t) {
        return "terminal:" + t.terminalId().value();
    }

    void write(Connection c) throws SQLException {
        List<Counter> changed = counters.values().stream().filter(k -> k.changed).toList();
        if (changed.stream().anyMatch(k -> k.stored)) {
            try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                    "UPDATE limit_counter SET window_start = ?, counted = ? WHERE counter_key = ?")) {
                for (Counter k : changed.stream().filter(k -> k.stored).toList()) {
                    ps.setObject(1, k.windowStart);
                    ps.setLong(2, k.counted);
                    ps.setString(3, k.key);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (changed.stream().anyMatch(k -> !k.stored)) {
            try (PreparedStatement ps = CoalitionSql.on(c).prepare(
                    "INSERT INTO limit_counter (counter_key, window_start, counted) VALUES (?, ?, ?)")) {
                for (Counter k : changed.stream().filter(k -> !k.stored).toList()) {
                    ps.setString(1, k.key);
                    ps.setObject(2, k.windowStart);
                    ps.setLong(3, k.counted);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        Map<MerchantId, List<Refusal>> byMerchant = new LinkedHashMap<>();
        refusals.forEach(r -> byMerchant.computeIfAbsent(r.t().merchantId(), m -> new ArrayList<>()).add(r));
        for (Map.Entry<MerchantId, List<Refusal>> e : byMerchant.entrySet()) {
            writeRefusals(c, e.getKey(), e.getValue());
        }
    }

    /** Refusals are rare: one statement per merchant that has any in this batch. */
    private static void writeRefusals(Connection c, MerchantId merchant, List<Refusal> refused) throws SQLException {
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("INSERT INTO limit_refusal (id, merchant_id, "
                + "terminal_id, txn_ref, kind, card_id, last4, amount_minor, currency, points, result, limit_value, refused_at) "
                + "VALUES (?, :merchant, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Refusal r : refused) {
                PosTransaction t = r.t();
                ps.setLong(1, r.id());
                ps.setLong(2, t.terminalId().value());
                ps.setString(3, t.txnRef().value());
                ps.setString(4, t.type().name());
                ps.setObject(5, r.cardId());
                ps.setString(6, t.card().token().last4());
                ps.setLong(7, t.amount().minorUnits());
                ps.setString(8, t.amount().currency().getCurrencyCode());
                ps.setLong(9, t.redeemPoints());
                ps.setString(10, r.result().name());
                ps.setLong(11, r.limit());
                ps.setObject(12, r.at());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
