package io.loyaltyhub.domain.webhook;

import io.loyaltyhub.domain.model.CardToken;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.StoreId;
import io.loyaltyhub.domain.model.TerminalId;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.persistence.CoalitionSql;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.PresentedCard;
import io.loyaltyhub.domain.txn.TransactionType;
import io.loyaltyhub.domain.webhook.WebhookEvent.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The durable register of webhook events ({@code webhook_event}), keyed by merchant, provider and the provider's event
 * id. An event is recorded (and the commit synced) before the provider is answered; a resend finds the first record.
 * Pending events are those the engine has not answered yet: they are credited again until it has.
 */
public final class WebhookEvents {
    private static final String COLUMNS = "provider, event_id, event_type, status, detail, store_id, terminal_id, "
            + "txn_type, txn_ref, original_txn_ref, amount, currency, occurred_at, card_token, card_key_version, "
            + "card_last4, issued_range_id, result_code, points";

    /** What {@link #record} found: the event as stored, and whether this call stored it. */
    public record Recorded(WebhookEvent event, boolean first) {
    }

    private final Database database;

    public WebhookEvents(Database database) {
        this.database = database;
    }

    /** Stores the event unless one with its key is stored already; returns the stored one either way. */
    public Recorded record(WebhookEvent event, Instant receivedAt) {
        try (Connection c = database.connection()) {
            try {
                Optional<WebhookEvent> earlier = find(c, event.merchant(), event.provider(), event.eventId());
                if (earlier.isPresent()) {
                    c.rollback();
                    return new Recorded(earlier.get(), false);
                }
                insert(c, event, receivedAt);
                database.commitDurably(c);
                return new Recorded(event, true);
            } catch (SQLException e) {
                c.rollback();
                // Two deliveries of one event at once: the other one stored it first.
                Optional<WebhookEvent> stored = find(c, event.merchant(), event.provider(), event.eventId());
                c.rollback();
                if (stored.isPresent()) {
                    return new Recorded(stored.get(), false);
                }
                throw e;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the webhook event: " + e.getMessage(), e);
        }
    }

    /** The engine's answer to a pending event (an event already settled is left as it is). */
    public void settle(MerchantId merchant, String provider, String eventId, Status status, String resultCode,
                       long points, Instant at) {
        if (status != Status.CREDITED && status != Status.DECLINED) {
            throw new IllegalArgumentException("an event is settled as credited or declined, not " + status);
        }
        try (Connection c = database.connection();
             PreparedStatement ps = MerchantSql.on(c, merchant).prepare("UPDATE webhook_event SET status = ?, "
                     + "result_code = ?, points = ?, settled_at = ? WHERE merchant_id = :merchant AND provider = ? "
                     + "AND event_id = ? AND status = 'PENDING'")) {
            ps.setString(1, status.name());
            ps.setString(2, resultCode);
            ps.setLong(3, points);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setString(5, provider);
            ps.setString(6, eventId);
            ps.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not settle the webhook event: " + e.getMessage(), e);
        }
    }

    public Optional<WebhookEvent> find(MerchantId merchant, String provider, String eventId) {
        return read(c -> find(c, merchant, provider, eventId));
    }

    /** Up to {@code limit} of the merchant's events received before {@code before} and still pending, oldest first. */
    public List<WebhookEvent> pending(MerchantId merchant, Instant before, int limit) {
        return read(c -> list(c, merchant, "AND status = 'PENDING' AND received_at < ? ORDER BY received_at",
                limit, Timestamp.from(before)));
    }

    /** The merchant's latest events, newest first; of one status only when {@code status} is given. */
    public List<WebhookEvent> latest(MerchantId merchant, Optional<Status> status, int limit) {
        return status.isPresent()
                ? read(c -> list(c, merchant, "AND status = ? ORDER BY received_at DESC", limit, status.get().name()))
                : read(c -> list(c, merchant, "ORDER BY received_at DESC", limit));
    }

    /** Merchants that have pending events (so a restarted hub knows whom to credit). */
    public List<MerchantId> merchantsWithPendingEvents() {
        return read(c -> {
            List<MerchantId> merchants = new ArrayList<>();
            try (PreparedStatement ps = CoalitionSql.on(c).prepare("SELECT id FROM merchant ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    merchants.add(new MerchantId(rs.getLong(1)));
                }
            }
            List<MerchantId> withPending = new ArrayList<>();
            for (MerchantId merchant : merchants) {
                try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT 1 FROM webhook_event "
                        + "WHERE merchant_id = :merchant AND status = 'PENDING'")) {
                    ps.setMaxRows(1);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            withPending.add(merchant);
                        }
                    }
                }
            }
            return withPending;
        });
    }

    /**
     * The card a sale (by its transaction reference) was credited with, so that its refund or cancellation presents the
     * same card; empty when the hub never took that sale with a card.
     */
    public Optional<PresentedCard> cardOfSale(MerchantId merchant, String provider, TxnRef sale) {
        return read(c -> {
            try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT card_token, card_key_version, "
                    + "card_last4, issued_range_id FROM webhook_event WHERE merchant_id = :merchant AND provider = ? "
                    + "AND txn_ref = ? AND txn_type = 'SALE' AND card_token IS NOT NULL")) {
                ps.setString(1, provider);
                ps.setString(2, sale.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(card(rs, 1)) : Optional.empty();
                }
            }
        });
    }

    /** Whether the sale under this reference is stored but not yet answered by the engine (its refund must wait). */
    public boolean saleIsPending(MerchantId merchant, String provider, TxnRef sale) {
        return read(c -> {
            try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT 1 FROM webhook_event WHERE merchant_id = "
                    + ":merchant AND provider = ? AND txn_ref = ? AND txn_type = 'SALE' AND status = 'PENDING'")) {
                ps.setString(1, provider);
                ps.setString(2, sale.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static Optional<WebhookEvent> find(Connection c, MerchantId merchant, String provider, String eventId)
            throws SQLException {
        List<WebhookEvent> found = list(c, merchant, "AND provider = ? AND event_id = ?", 1, provider, eventId);
        return found.stream().findFirst();
    }

    private static List<WebhookEvent> list(Connection c, MerchantId merchant, String where, int limit, Object... values)
            throws SQLException {
        List<WebhookEvent> events = new ArrayList<>();
        try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT " + COLUMNS
                + " FROM webhook_event WHERE merchant_id = :merchant " + where)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(event(rs, merchant));
                }
            }
        }
        return events;
    }

    private static WebhookEvent event(ResultSet rs, MerchantId merchant) throws SQLException {
        PosTransaction transaction = null;
        if (rs.getString(8) != null && rs.getString(14) != null) {
            String original = rs.getString(10);
            transaction = new PosTransaction(merchant, new StoreId(rs.getLong(6)), new TerminalId(rs.getLong(7)),
                    new TxnRef(rs.getString(9)), TransactionType.valueOf(rs.getString(8)), card(rs, 14),
                    Money.of(rs.getLong(11), rs.getString(12)), OffsetDateTime.parse(rs.getString(13)), List.of(),
                    original == null ? null : new TxnRef(original), 0, Channel.WEBHOOK);
        }
        long points = rs.getLong(19);
        Long pointsOrNull = rs.wasNull() ? null : points;
        return new WebhookEvent(merchant, rs.getString(1), rs.getString(2), rs.getString(3),
                Status.valueOf(rs.getString(4)), rs.getString(5), transaction, rs.getString(18), pointsOrNull);
    }

    private static PresentedCard card(ResultSet rs, int from) throws SQLException {
        CardToken token = new CardToken(rs.getString(from), rs.getInt(from + 1), rs.getString(from + 2));
        long range = rs.getLong(from + 3);
        return new PresentedCard(token, rs.wasNull() ? null : range);
    }

    private static void insert(Connection c, WebhookEvent e, Instant receivedAt) throws SQLException {
        try (PreparedStatement ps = MerchantSql.on(c, e.merchant()).prepare("INSERT INTO webhook_event (merchant_id, "
                + COLUMNS + ", received_at) VALUES (:merchant, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            PosTransaction t = e.transaction();
            ps.setString(1, e.provider());
            ps.setString(2, e.eventId());
            ps.setString(3, e.eventType());
            ps.setString(4, e.status().name());
            ps.setString(5, e.detail());
            for (int i = 6; i <= 19; i++) {
                ps.setNull(i, Types.VARCHAR);
            }
            if (t != null) {
                ps.setLong(6, t.storeId().value());
                ps.setLong(7, t.terminalId().value());
                ps.setString(8, t.type().name());
                ps.setString(9, t.txnRef().value());
                ps.setString(10, t.originalTxnRef() == null ? null : t.originalTxnRef().value());
                ps.setLong(11, t.amount().minorUnits());
                ps.setString(12, t.amount().currency().getCurrencyCode());
                ps.setString(13, t.occurredAt().toString());
                ps.setString(14, t.card().token().hash());
                ps.setInt(15, t.card().token().keyVersion());
                ps.setString(16, t.card().token().last4());
                ps.setObject(17, t.card().issuedRangeId());
            }
            ps.setTimestamp(20, Timestamp.from(receivedAt));
            ps.executeUpdate();
        }
    }

    private interface Reading<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(Reading<T> reading) {
        try (Connection c = database.connection()) {
            try {
                return reading.run(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("webhook events: " + e.getMessage(), e);
        }
    }
}
