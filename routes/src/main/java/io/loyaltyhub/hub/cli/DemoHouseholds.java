package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.admin.OperatorCredentials;
import io.loyaltyhub.domain.admin.TerminalCredential;
import io.loyaltyhub.domain.expiry.ExpiryPolicy;
import io.loyaltyhub.domain.expiry.PointsExpiry;
import io.loyaltyhub.domain.household.BlockReason;
import io.loyaltyhub.domain.household.CardLifecycle;
import io.loyaltyhub.domain.household.Households;
import io.loyaltyhub.domain.household.MemberOperationRefused;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.txn.PresentedCard;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.LoyaltyHub;
import io.loyaltyhub.hub.operator.OperatorApiExtension;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The demo's households and card life (docs/households.md): the demo card and a second card linked into one household,
 * a lost card blocked, points that expire 24 months after they were earned, and curl commands that show a household
 * earning at two merchants and redeeming from one balance, the blocked card declined, a replacement card carrying the
 * balance and the next expiry in a balance answer. Safe to run again: what is already done is left as it is.
 */
final class DemoHouseholds {
    static final String SECOND_CARD = "6280000000002467";
    static final String LOST_CARD = "6280000000003457";
    static final String OLD_CARD = "6280000000004562";
    static final String NEW_CARD = "6280000000005676";

    private final LoyaltyHub hub;
    private final List<HubExtension> extensions;

    DemoHouseholds(LoyaltyHub hub, List<HubExtension> extensions) {
        this.hub = hub;
        this.extensions = extensions;
    }

    void seedAndPrint(PrintStream out, String url, TerminalCredential books, TerminalCredential pharma) {
        IdGenerator ids = hub.ids();
        Households households = new Households(hub.database(), ids, Clock.systemUTC());
        CardLifecycle cards = new CardLifecycle(hub.database(), ids, Clock.systemUTC());
        PointsExpiry expiry = new PointsExpiry(hub.database(), ids, Clock.systemUTC());
        if (expiry.policy().isEmpty()) {
            expiry.setPolicy(Optional.of(ExpiryPolicy.monthsAfterEarning(24)));
        }
        ignoringDone(() -> cards.activate(read(DemoCoalition.DEMO_CARD), "demo"));
        ignoringDone(() -> households.link(read(SECOND_CARD), households.householdOf(read(DemoCoalition.DEMO_CARD)), "demo"));
        ignoringDone(() -> cards.activate(read(LOST_CARD), "demo"));
        ignoringDone(() -> cards.block(read(LOST_CARD), BlockReason.LOST, "demo"));
        String card = DemoCoalition.DEMO_CARD;
        out.println("Households and the card's life (docs/households.md); points expire 24 months after they were earned:");
        out.println("# ****" + last4(card) + " and ****" + last4(SECOND_CARD) + " are one household (household-link): the second"
                + " card earns at the pharmacy into the household's balance");
        out.println(DemoCoalition.curl(url, pharma, "{\"txnRef\":\"demo-3001\",\"cardNumber\":\"" + SECOND_CARD
                + "\",\"amount\":2500,\"currency\":\"EUR\"}"));
        out.println("# and redeems 50 points of it at the bookshop: one balance for both cards");
        out.println(DemoCoalition.curl(url, books, "{\"txnRef\":\"demo-3002\",\"type\":\"REDEEM\",\"cardNumber\":\"" + SECOND_CARD
                + "\",\"redeemPoints\":50}"));
        out.println("# the first card's balance inquiry: the same balance, and \"nextExpiry\": how many points expire next, when");
        out.println(DemoCoalition.curl(url, books, "{\"txnRef\":\"demo-3003\",\"type\":\"BALANCE_INQUIRY\",\"cardNumber\":\""
                + card + "\"}"));
        out.println("# ****" + last4(LOST_CARD) + " was reported lost (card-block --reason LOST): declined, \"code\":\"card-blocked\"");
        out.println(DemoCoalition.curl(url, books, "{\"txnRef\":\"demo-3004\",\"cardNumber\":\"" + LOST_CARD
                + "\",\"amount\":1000,\"currency\":\"EUR\"}"));
        OperatorApiExtension api = extensions.stream().filter(OperatorApiExtension.class::isInstance)
                .map(OperatorApiExtension.class::cast).findFirst().orElse(null);
        if (api != null) {
            OperatorCredentials.Issued operator = api.credentials().issue();
            String base = "http://127.0.0.1:" + hub.httpPort() + "/operator/v1/";
            out.println("# a card earns 100 points, then the operator replaces it by ****" + last4(NEW_CARD)
                    + " (operator API, credential " + operator.credentialId() + ")");
            out.println(DemoCoalition.curl(url, books, "{\"txnRef\":\"demo-3005\",\"cardNumber\":\"" + OLD_CARD
                    + "\",\"amount\":10000,\"currency\":\"EUR\"}"));
            out.println(operatorCurl(operator, base + "cards/replace", "{\"cardNumber\":\"" + OLD_CARD + "\",\"newCardNumber\":\""
                    + NEW_CARD + "\"}"));
            out.println("# the new card carries the balance; the old one is declined, \"code\":\"card-replaced\"");
            out.println(DemoCoalition.curl(url, books, "{\"txnRef\":\"demo-3006\",\"type\":\"BALANCE_INQUIRY\",\"cardNumber\":\""
                    + NEW_CARD + "\"}"));
            out.println(DemoCoalition.curl(url, books, "{\"txnRef\":\"demo-3007\",\"cardNumber\":\"" + OLD_CARD
                    + "\",\"amount\":1000,\"currency\":\"EUR\"}"));
        }
        out.println();
    }

    private PresentedCard read(String number) {
        return hub.cardReader().read(number);
    }

    /** A demo run again finds its households and blocks already made: that is fine. */
    private static void ignoringDone(Runnable operation) {
        try {
            operation.run();
        } catch (MemberOperationRefused alreadyDone) {
            // card-already-active, already-in-household, already-blocked: the demo ran before
        }
    }

    private static String last4(String card) {
        return card.substring(card.length() - 4);
    }

    private static String operatorCurl(OperatorCredentials.Issued c, String url, String body) {
        String basic = Base64.getEncoder().encodeToString((c.credentialId() + ":" + c.secret()).getBytes());
        return "curl -s -H 'Authorization: Basic " + basic + "' -H 'Content-Type: application/json' -d '" + body + "' " + url
                + " ; echo";
    }
}
