package io.loyaltyhub.hub.chaos;

import io.loyaltyhub.domain.txn.TransactionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What a till rings up next: mostly sales, some refunds and voids of its own approved sales (each sale refunded or
 * voided at most once), redemptions where the card's last known balance allows, balance inquiries. Seeded, so a
 * run's choices follow from its seed (their interleaving with the kills does not).
 */
final class SwipePlanner {
    private final Random random;
    private final CardBook cards;
    private final Set<TransactionType> types;
    private final List<OpenSale> openSales = new ArrayList<>();

    private static final class OpenSale {
        final SwipeRecord sale;
        final int card;
        final long amount;

        OpenSale(SwipeRecord sale, int card, long amount) {
            this.sale = sale;
            this.card = card;
            this.amount = amount;
        }
    }

    /** @param types what this till's channel can carry (a CSV file has no redemptions or balance inquiries) */
    SwipePlanner(long seed, CardBook cards, Set<TransactionType> types) {
        this.random = new Random(seed);
        this.cards = cards;
        this.types = types;
    }

    PlannedSwipe next() {
        int roll = random.nextInt(100);
        int card = 1 + random.nextInt(cards.size());
        if (roll < 10 && types.contains(TransactionType.REFUND) && !openSales.isEmpty()) {
            OpenSale sale = openSales.remove(random.nextInt(openSales.size()));
            return new PlannedSwipe(TransactionType.REFUND, sale.card, Math.max(1, sale.amount / 2), 0, sale.sale);
        }
        if (roll < 18 && types.contains(TransactionType.VOID) && !openSales.isEmpty()) {
            OpenSale sale = openSales.remove(random.nextInt(openSales.size()));
            return new PlannedSwipe(TransactionType.VOID, sale.card, 0, 0, sale.sale);
        }
        if (roll < 30 && types.contains(TransactionType.REDEEM) && cards.lastBalance(card) >= 20) {
            long points = 10 + random.nextInt((int) Math.min(90, cards.lastBalance(card) / 2 - 9));
            return new PlannedSwipe(TransactionType.REDEEM, card, 0, points, null);
        }
        if (roll < 45 && types.contains(TransactionType.BALANCE_INQUIRY)) {
            return new PlannedSwipe(TransactionType.BALANCE_INQUIRY, card, 0, 0, null);
        }
        return new PlannedSwipe(TransactionType.SALE, card, 100 + random.nextInt(19_901), 0, null);
    }

    /** The answer a planned swipe finally got: an approved sale may be refunded or voided later. */
    void settled(PlannedSwipe swipe, SwipeRecord record, Answer answer) {
        if (answer == null) {
            return;
        }
        cards.told(swipe.card(), answer);
        if (swipe.type() == TransactionType.SALE && answer.kind() == AnswerKind.APPROVED) {
            openSales.add(new OpenSale(record, swipe.card(), swipe.amount()));
            if (openSales.size() > 200) {
                openSales.remove(0);
            }
        }
    }
}
