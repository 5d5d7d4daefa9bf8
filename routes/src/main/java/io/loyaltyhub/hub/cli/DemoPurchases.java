package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.card.Luhn;
import io.loyaltyhub.domain.engine.PointsEngine;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.OccurredAtWindow;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionType;
import io.loyaltyhub.hub.LoyaltyHub;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Demo purchase history for the reports: a few dozen customers per demo merchant over the last six months, the
 * same every time for a given day (a fixed random seed per merchant; dates count back from today). Some shoppers
 * use the same card at both merchants. Safe to run again: the references repeat, so the engine treats a second
 * run as copies and changes nothing.
 */
final class DemoPurchases {
    private final LoyaltyHub hub;

    DemoPurchases(LoyaltyHub hub) {
        this.hub = hub;
    }

    /** Seeds {@code customers} card holders (card serials from {@code firstSerial}) at the till; returns how many sales. */
    int seed(TerminalIdentity till, long seed, long firstSerial, int customers) {
        Random random = new Random(seed);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<PosTransaction> sales = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            String card = demoCard(firstSerial + c);
            // Every fifth customer stopped coming three months ago (the lapsed list); the others up to yesterday
            // (never later than now, so no purchase lies in the future).
            boolean lapsed = c % 5 == 0;
            int visits = 1 + random.nextInt(c % 3 == 0 ? 10 : 4);
            for (int v = 0; v < visits; v++) {
                int daysAgo = lapsed ? 100 + random.nextInt(80) : 1 + random.nextInt(150);
                long cents = 500 + random.nextInt(c % 4 == 0 ? 20_000 : 6_000);
                OffsetDateTime at = today.minusDays(daysAgo).atTime(9 + random.nextInt(10), random.nextInt(60))
                        .atOffset(ZoneOffset.UTC);
                sales.add(new PosTransaction(till.merchantId(), till.storeId(), till.terminalId(),
                        new TxnRef("demo-seed-" + (firstSerial + c) + "-" + v), TransactionType.SALE,
                        hub.cardReader().read(card), Money.of(cents, "EUR"), at, List.of(), null, 0, Channel.HTTP_JSON));
            }
        }
        // The seed is six months of invented history, older than the engine takes from terminals (hub.engine.max-age-days).
        PointsEngine history = hub.engine().withWindow(OccurredAtWindow.of(60, 366));
        for (int i = 0; i < sales.size(); i += 200) {
            history.applyBatch(sales.subList(i, Math.min(sales.size(), i + 200)));
        }
        return sales.size();
    }

    /** Card {@code serial} of the demo programme (prefix 628000, 16 digits, Luhn), as the demo coalition issued them. */
    static String demoCard(long serial) {
        String body = "628000" + String.format("%09d", serial);
        return body + Luhn.checkDigit(body);
    }
}
