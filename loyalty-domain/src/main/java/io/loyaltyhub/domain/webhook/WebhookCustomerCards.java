package io.loyaltyhub.domain.webhook;

import io.loyaltyhub.domain.model.CardToken;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.MerchantSql;
import io.loyaltyhub.domain.txn.PresentedCard;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Which loyalty card a provider's customer carries ({@code webhook_customer_card}), per merchant and provider: for
 * providers whose sales name only a customer id (Loyverse), learnt from their customer events. The card is kept as the
 * edge read it, token and last four only. Every statement names its merchant.
 */
public final class WebhookCustomerCards {
    private final Database database;

    public WebhookCustomerCards(Database database) {
        this.database = database;
    }

    /** The customer carries this card from now on (replacing the one remembered before). */
    public void remember(MerchantId merchant, String provider, String customerRef, PresentedCard card, Instant at) {
        write(merchant, provider, customerRef, c -> {
            try (PreparedStatement ps = MerchantSql.on(c, merchant).prepare("INSERT INTO webhook_customer_card "
                    + "(merchant_id, provider, customer_ref, card_token, card_key_version, card_last4, issued_range_id, "
                    + "updated_at) VALUES (:merchant, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, provider);
                ps.setString(2, customerRef);
                ps.setString(3, card.token().hash());
                ps.setInt(4, card.token().keyVersion());
                ps.setString(5, card.token().last4());
                ps.setObject(6, card.issuedRangeId());
                ps.setTimestamp(7, Timestamp.from(at));
                ps.executeUpdate();
            }
        });
    }

    /** The customer carries no loyalty card any more (its code was removed). */
    public void forget(MerchantId merchant, String provider, String customerRef) {
        write(merchant, provider, customerRef, c -> { });
    }

    /** The card the provider's customer carries, if the hub learnt one. */
    public Optional<PresentedCard> cardOf(MerchantId merchant, String provider, String customerRef) {
        try (Connection c = database.connection();
             PreparedStatement ps = MerchantSql.on(c, merchant).prepare("SELECT card_token, card_key_version, card_last4, "
                     + "issued_range_id FROM webhook_customer_card WHERE merchant_id = :merchant AND provider = ? "
                     + "AND customer_ref = ?")) {
            ps.setString(1, provider);
            ps.setString(2, customerRef);
            try (ResultSet rs = ps.executeQuery()) {
                Optional<PresentedCard> card = Optional.empty();
                if (rs.next()) {
                    CardToken token = new CardToken(rs.getString(1), rs.getInt(2), rs.getString(3));
                    long range = rs.getLong(4);
                    card = Optional.of(new PresentedCard(token, rs.wasNull() ? null : range));
                }
                c.rollback();
                return card;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("webhook customer card look-up failed: " + e.getMessage(), e);
        }
    }

    private interface Writing {
        void run(Connection c) throws SQLException;
    }

    /** Deletes the customer's row, then (in the same transaction) writes what {@code then} writes. */
    private void write(MerchantId merchant, String provider, String customerRef, Writing then) {
        try (Connection c = database.connection()) {
            try {
                try (PreparedStatement delete = MerchantSql.on(c, merchant).prepare("DELETE FROM webhook_customer_card "
                        + "WHERE merchant_id = :merchant AND provider = ? AND customer_ref = ?")) {
                    delete.setString(1, provider);
                    delete.setString(2, customerRef);
                    delete.executeUpdate();
                }
                then.run(c);
                database.commitDurably(c);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the webhook customer's card: " + e.getMessage(), e);
        }
    }
}
