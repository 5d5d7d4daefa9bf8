package io.loyaltyhub.domain.engine;

import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Points;
import io.loyaltyhub.domain.reward.Reward;
import io.loyaltyhub.domain.reward.RewardShelf;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * A till's REDEEM of a catalogue reward (docs/rewards.md), inside the engine's batch: the reward must exist, be offered
 * at the till's merchant, be valid on the transaction's own day, fit the balance and the card's redeem limits, and have
 * one left in stock — taken here by a conditional update, so the batch holds the reward's row until it commits. The
 * gift is handed over at the till, so the redemption is recorded as fulfilled; the REDEEM's void or reversal cancels it.
 */
final class TillRewards {
    private final RewardShelf shelf;
    private final LocalDateTime now;

    TillRewards(Connection c, LocalDateTime now) {
        this.shelf = new RewardShelf(c);
        this.now = now;
    }

    /** What a reward's price is checked against before the stock is touched (the card's daily redeem limits). */
    interface RedeemLimit {
        ResultCode check(long points);
    }

    /** The decision, and the reward whose stock it took (null when declined). */
    record Taken(Decision decision, Reward reward) {
    }

    Taken decide(PosTransaction t, Points balance, RedeemLimit limit) throws SQLException {
        Reward reward = shelf.find(t.rewardCode());
        if (reward == null) {
            return declined(ResultCode.REWARD_UNKNOWN);
        }
        if (!shelf.offeredBy(reward, t.merchantId())) {
            return declined(ResultCode.REWARD_NOT_OFFERED_HERE);
        }
        ResultCode invalid = reward.refusalOn(t.occurredAt().toLocalDate());
        if (invalid != null) {
            return declined(invalid);
        }
        Decision d = PointsRules.redeem(Points.of(reward.pricePoints()), balance);
        if (!d.result().approved()) {
            return new Taken(d, null);
        }
        ResultCode limited = limit.check(reward.pricePoints());
        if (limited != null) {
            return declined(limited);
        }
        if (!shelf.takeOne(reward.id())) {
            return declined(ResultCode.REWARD_OUT_OF_STOCK);
        }
        return new Taken(d, reward);
    }

    void recordFulfilled(long redemptionId, Reward reward, long accountId, Long cardId, MerchantId merchant, long purchaseId)
            throws SQLException {
        shelf.record(new RewardShelf.NewRedemption(redemptionId, reward.id(), accountId, cardId, merchant, purchaseId,
                reward.pricePoints(), "FULFILLED", RewardShelf.TILL, null, now));
    }

    /** The REDEEM was voided or reversed: its redemption, if it was one of a reward, is cancelled and restocked. */
    void undoRedemptionOf(MerchantId merchant, long purchaseId) throws SQLException {
        shelf.cancelTillRedemption(merchant, purchaseId, now);
    }

    private static Taken declined(ResultCode result) {
        return new Taken(Decision.decline(result), null);
    }
}
