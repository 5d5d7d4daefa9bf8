package io.loyaltyhub.domain.settlement;

import io.loyaltyhub.domain.model.MerchantId;

/**
 * One merchant's statement for one closed period (docs/settlement.md): the chain positions it covers, its points by
 * kind, and the money. {@code owedMinor} is what the merchant owes the coalition (points issued net of reversals at
 * its issue price, or for a prepaid merchant the top-ups bought and what its prepaid points could not cover);
 * {@code dueMinor} what the coalition owes it: the points redeemed at its tills at its redemption value, except the
 * points that bought the operator's catalogue gifts, for which it is reimbursed the gifts' cost instead ({@code gifts});
 * {@code netMinor = due - owed}, positive when the operator pays the merchant.
 */
public record MerchantStatement(long periodId, MerchantId merchant, long fromPosition, long toPosition,
                                PointsFigures points, Billing billing, long prepaidDrawn, long prepaidShortfall,
                                long prepaidLeft, long topupPoints, long topupMinor, long issuePriceMinor,
                                long redeemValueMinor, long owedMinor, long dueMinor, long netMinor, String currency,
                                GiftFigures gifts) {

    /** The statement of these figures under these terms. */
    static MerchantStatement settle(long periodId, MerchantId merchant, long fromPosition, long toPosition,
                                    PointsFigures points, GiftFigures gifts, ProgrammeTerms programme, MerchantTerms terms,
                                    long topupPoints, long topupMinor) {
        long issuePrice = terms.issuePrice(programme);
        long redeemValue = terms.redeemValue(programme);
        long netIssued = points.issued() - points.reversed();
        long drawn = 0;
        long shortfall = 0;
        long owed;
        if (terms.billing() == Billing.PREPAID) {
            // a period that reversed more than it issued gives the points back to the prepaid balance
            drawn = netIssued <= 0 ? netIssued : Math.min(netIssued, Math.max(terms.prepaidPoints(), 0));
            shortfall = netIssued - drawn;
            owed = Math.addExact(Math.multiplyExact(shortfall, issuePrice), topupMinor);
        } else {
            owed = Math.multiplyExact(netIssued, issuePrice);
        }
        // the operator's gifts: their cost is reimbursed, not the points they took (the gift was the operator's, not the till's)
        long due = Math.addExact(Math.multiplyExact(points.redeemed() - gifts.operatorGiftPoints(), redeemValue),
                gifts.operatorGiftCostMinor());
        return new MerchantStatement(periodId, merchant, fromPosition, toPosition, points, terms.billing(), drawn, shortfall,
                terms.prepaidPoints() - drawn, topupPoints, topupMinor, issuePrice, redeemValue, owed, due,
                Math.subtractExact(due, owed), programme.currency(), gifts);
    }
}
