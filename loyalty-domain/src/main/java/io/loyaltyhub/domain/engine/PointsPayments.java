package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Points;
import io.loyaltyhub.domain.reward.PointValue;
import io.loyaltyhub.domain.reward.PointValues;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A till paying part of a sale with points (docs/rewards.md), inside the engine's batch: the REDEEM offers points and
 * names the sale's amount; the programme's value of a point in the sale's currency says what they pay (rounded down to
 * the minor unit), only the points that money is worth are taken, and what they covered is recorded with the purchase so
 * that a copy answers the same whatever the value later. Its void or reversal gives the points back.
 */
final class PointsPayments {
    private final Connection c;
    private final LocalDateTime now;
    private final Map<String, Optional<PointValue>> values = new HashMap<>();

    PointsPayments(Connection c, LocalDateTime now) {
        this.c = c;
        this.now = now;
    }

    /** The decision, and the money its points paid (0 when declined). */
    record Paid(Decision decision, long covered) {
    }

    Paid decide(PosTransaction t, Points balance) throws SQLException {
        String currency = t.amount().currency().getCurrencyCode();
        Optional<PointValue> value = values.get(currency);
        if (value == null) {
            value = PointValues.in(c, currency);
            values.put(currency, value);
        }
        if (value.isEmpty()) {
            return new Paid(Decision.decline(ResultCode.CURRENCY_NOT_ACCEPTED), 0);
        }
        long covered = value.get().moneyFor(t.redeemPoints());
        if (covered > t.amount().minorUnits()) {
            return new Paid(Decision.decline(ResultCode.POINTS_EXCEED_SALE), 0);
        }
        if (covered == 0) {
            return new Paid(Decision.decline(ResultCode.POINTS_BELOW_VALUE), 0);
        }
        Decision d = PointsRules.redeem(Points.of(value.get().pointsFor(covered)), balance);
        return new Paid(d, d.result().approved() ? covered : 0);
    }

    void record(MerchantId merchant, long purchaseId, Paid paid, String currency) throws SQLException {
        PointValues.recordPayment(c, merchant, purchaseId, paid.decision().points().negate().value(), paid.covered(),
                currency, now);
    }

    /** What an earlier payment with points covered (for a copy's answer); 0 when it paid nothing. */
    long coveredBy(MerchantId merchant, long purchaseId) throws SQLException {
        return PointValues.coveredBy(c, merchant, purchaseId);
    }
}
