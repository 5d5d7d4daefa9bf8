package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.admin.CoalitionAdmin;
import io.loyaltyhub.domain.admin.TerminalCredential;
import io.loyaltyhub.domain.card.CardProgramme;
import io.loyaltyhub.domain.card.CheckDigitRule;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.merchant.MerchantCredential;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.LoyaltyHub;
import io.loyaltyhub.hub.portal.PortalExtension;
import io.loyaltyhub.hub.reports.MerchantReportsExtension;
import java.io.PrintStream;
import java.util.Base64;
import java.util.List;

/**
 * Demo data: a coalition card programme with an issued range, and two merchants (a bookshop chain and a
 * pharmacy chain) with one store and one till each, a purchase history for their reports and a report credential
 * each. Safe to run again: existing data is kept and the demo tills and report credentials get fresh secrets,
 * because a secret is only ever shown when it is made.
 */
final class DemoCoalition {
    static final String PROGRAMME = "coalition";
    static final String DEMO_CARD = "6280000000001238";
    /** A shopper of the demo purchases who bought at both merchants: the member page's demo card. */
    static final long MEMBER_SERIAL = 125;

    private final LoyaltyHub hub;
    private final List<HubExtension> extensions;

    DemoCoalition(LoyaltyHub hub, List<HubExtension> extensions) {
        this.hub = hub;
        this.extensions = extensions;
    }

    void seedAndPrint(PrintStream out) {
        CoalitionAdmin admin = hub.admin();
        if (admin.findCardProgramme(PROGRAMME).isEmpty()) {
            CardProgramme p = admin.createCardProgramme(PROGRAMME, "628000", 16, CheckDigitRule.LUHN);
            admin.issueCardRange(p, "6280000000000000", "6280000099999999");
        }
        hub.reloadCardCatalog();
        TerminalCredential books = merchant(admin, "books", "Pages & Co. bookshops", "B01", "Old Town", 1, 100);
        TerminalCredential pharma = merchant(admin, "pharma", "GreenCross pharmacies", "P01", "Station Square", 2, 100);
        String url = "http://127.0.0.1:" + hub.httpPort() + "/pos/v1/transactions";
        out.println();
        out.println("Demo coalition ready: card programme 'coalition' (6280 00xx xxxx xxxx, Luhn), range 6280000000000000-6280000099999999");
        out.println("  merchant books  (1 point per 1.00 EUR), store B01, till T1: " + books.credentialId() + " / " + books.secret());
        out.println("  merchant pharma (2 points per 1.00 EUR), store P01, till T1: " + pharma.credentialId() + " / " + pharma.secret());
        out.println();
        out.println("Try it (paste as is):");
        out.println("# a sale of 123.45 EUR at the bookshop: earns 123 points");
        out.println(curl(url, books, "{\"txnRef\":\"demo-1001\",\"type\":\"SALE\",\"cardNumber\":\"" + DEMO_CARD
                + "\",\"amount\":12345,\"currency\":\"EUR\"}"));
        out.println("# the same swipe again: same answer, \"duplicate\":true, balance unchanged");
        out.println(curl(url, books, "{\"txnRef\":\"demo-1001\",\"type\":\"SALE\",\"cardNumber\":\"" + DEMO_CARD
                + "\",\"amount\":12345,\"currency\":\"EUR\"}"));
        out.println("# a refund of 40.00 EUR of that sale: reverses 39 points in proportion");
        out.println(curl(url, books, "{\"txnRef\":\"demo-1002\",\"type\":\"REFUND\",\"cardNumber\":\"" + DEMO_CARD
                + "\",\"amount\":4000,\"currency\":\"EUR\",\"originalTxnRef\":\"demo-1001\"}"));
        out.println("# the same card at the pharmacy: points pool across the coalition");
        out.println(curl(url, pharma, "{\"txnRef\":\"demo-2001\",\"cardNumber\":\"" + DEMO_CARD
                + "\",\"amount\":1999,\"currency\":\"EUR\"}"));
        out.println("# balance inquiry");
        out.println(curl(url, pharma, "{\"txnRef\":\"demo-2002\",\"type\":\"BALANCE_INQUIRY\",\"cardNumber\":\"" + DEMO_CARD
                + "\"}"));
        out.println("# a garbage body: application/problem+json with a stable code");
        out.println(curl(url, books, "this is not json"));
        String mqttPort = hub.settings().text("hub.broker.mqtt.port");
        if (hub.settings().embeddedBroker() && !mqttPort.isBlank()) {
            out.println("# the same card over MQTT, as a broker-native till (docs/broker-terminals.md)");
            out.println("java -jar pos-adapters/simulator/target/pos-simulator.jar broker --protocol mqtt --port " + mqttPort
                    + " --merchant books --terminal T1 --credential " + books.credentialId() + " --secret " + books.secret()
                    + " --card " + DEMO_CARD + " --amount 2500");
        }
        out.println();
        new DemoHouseholds(hub, extensions).seedAndPrint(out, url, books, pharma);
        new DemoRewards(hub).seedAndPrint(out, url, books, pharma);
        printReports(out);
        printPortal(out);
    }

    /** The demo's operator console user (a fresh password on every run, like the portal's). */
    static final String DEMO_OPERATOR = "operator";

    /** A portal user for the demo bookshop (a fresh password on every run: it is only ever shown when made). */
    private void printPortal(PrintStream out) {
        PortalExtension portal = extensions.stream().filter(PortalExtension.class::isInstance)
                .map(PortalExtension.class::cast).findFirst().orElse(null);
        if (portal == null) {
            return;
        }
        MerchantId books = hub.admin().merchantByCode("books");
        String password = portal.users().resetPassword(books, "demo")
                .orElseGet(() -> portal.users().add(books, "demo", "Demo Manager", null, false).password());
        out.println("Merchant portal (docs/portal.md): charts of books' sales, points, segments and lapsed customers");
        out.println("  open http://127.0.0.1:" + hub.httpPort() + "/portal/merchant/sign-in");
        out.println("  merchant: books   user: demo   password: " + password);
        String memberCard = DemoPurchases.demoCard(MEMBER_SERIAL);
        long account = accountOf(memberCard);
        if (account > 0) {
            out.println("Member page: a shopper's balance and history at both demo merchants");
            out.println("  open http://127.0.0.1:" + hub.httpPort() + "/portal/member/sign-in");
            out.println("  card: " + memberCard + "   PIN: " + portal.memberPins().set(account));
        }
        String operatorPassword = portal.operatorUsers().resetPassword(DEMO_OPERATOR)
                .orElseGet(() -> portal.operatorUsers().add(DEMO_OPERATOR, "Demo Operator", null, false).password());
        out.println("Operator console: merchants, stores, terminals, cards, refused transactions, health and throughput");
        out.println("  open http://127.0.0.1:" + hub.httpPort() + "/portal/operator/sign-in");
        out.println("  user: " + DEMO_OPERATOR + "   password: " + operatorPassword);
        out.println();
    }

    /** Purchase history and a report credential per demo merchant, and curl commands for their reports. */
    private void printReports(PrintStream out) {
        MerchantReportsExtension reports = extensions.stream().filter(MerchantReportsExtension.class::isInstance)
                .map(MerchantReportsExtension.class::cast).findFirst().orElse(null);
        if (reports == null) {
            return;
        }
        CoalitionAdmin admin = hub.admin();
        TerminalIdentity booksTill = hub.terminals().findTerminal(admin.merchantByCode("books"), "B01", "T1").orElseThrow();
        TerminalIdentity pharmaTill = hub.terminals().findTerminal(admin.merchantByCode("pharma"), "P01", "T1").orElseThrow();
        DemoPurchases purchases = new DemoPurchases(hub);
        int sales = purchases.seed(booksTill, 11, 100, 40) + purchases.seed(pharmaTill, 23, 120, 30);
        MerchantCredential books = reports.credentials().issue(booksTill.merchantId());
        MerchantCredential pharma = reports.credentials().issue(pharmaTill.merchantId());
        String base = "http://127.0.0.1:" + hub.httpPort() + "/merchant/v1/";
        out.println("Merchant reports (docs/reports.md): " + sales + " demo sales over the last six months, 40 customers at"
                + " books, 30 at pharma, 20 of them at both");
        out.println("  books  report credential: " + books.credentialId() + " / " + books.secret());
        out.println("  pharma report credential: " + pharma.credentialId() + " / " + pharma.secret());
        out.println("# books' customers with RFM scores and segments (last 365 days, CSV)");
        out.println(reportCurl(books, base + "reports/customers"));
        out.println("# segments as JSON; the win-back list (no visit for 60 days, at least 2 visits)");
        out.println(reportCurl(books, base + "reports/segments?format=json"));
        out.println(reportCurl(books, base + "reports/lapsed?days=60&min-visits=2"));
        out.println("# every purchase at store B01, gzip-compressed on the wire; sales per day; points issued");
        out.println(reportCurl(books, base + "reports/purchases?store=B01").replace("curl -s", "curl -s --compressed"));
        out.println(reportCurl(books, base + "reports/daily"));
        out.println(reportCurl(books, base + "reports/points"));
        out.println("# the same shoppers at pharma have other pseudonyms; pharma cannot see books' store (404)");
        out.println(reportCurl(pharma, base + "reports/customers"));
        out.println(reportCurl(pharma, base + "reports/purchases?store=B01"));
        out.println("# the audit of books' downloads");
        out.println(reportCurl(books, base + "report-downloads"));
        out.println();
        DemoSettlement.seedAndPrint(hub, out, books, base);
    }

    /** The account of a card, or -1 when it was never swiped. */
    private long accountOf(String cardNumber) {
        io.loyaltyhub.domain.txn.PresentedCard card = hub.cardReader().read(cardNumber);
        List<String> tokens = new java.util.ArrayList<>();
        card.allTokens().forEach(t -> tokens.add(t.hash()));
        return new io.loyaltyhub.domain.member.CardAccounts(hub.database()).accountOf(tokens).orElse(-1L);
    }

    private static String reportCurl(MerchantCredential c, String url) {
        return "curl -s -u '" + c.credentialId() + ":" + c.secret() + "' '" + url + "' ; echo";
    }

    private static TerminalCredential merchant(CoalitionAdmin admin, String code, String name, String store,
                                               String storeName, long points, long per) {
        MerchantId id = admin.findMerchantByCode(code).orElse(null);
        if (id == null) {
            id = admin.createMerchant(code, name, "EUR", new EarnRate(points, per));
            admin.addStore(id, store, storeName);
            return admin.addTerminal(id, store, "T1");
        }
        return admin.resetTerminalSecret(id, "T1");
    }

    static String curl(String url, TerminalCredential c, String body) {
        String basic = Base64.getEncoder().encodeToString((c.credentialId() + ":" + c.secret()).getBytes());
        return "curl -s -H 'Authorization: Basic " + basic + "' -H 'Content-Type: application/json' -d '" + body + "' " + url
                + " ; echo";
    }
}
