package io.loyaltyhub.hub.bench;

import io.loyaltyhub.adapters.simulator.TestCards;
import io.loyaltyhub.domain.admin.TerminalCredential;
import io.loyaltyhub.domain.card.CardProgramme;
import io.loyaltyhub.domain.card.CheckDigitRule;
import io.loyaltyhub.domain.model.EarnRate;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.model.Money;
import io.loyaltyhub.domain.model.TxnRef;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.TransactionType;
import io.loyaltyhub.hub.LoyaltyHub;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's coalition: one merchant, one store, one terminal per channel, and {@value #CARDS} members
 * whose cards are already active (a loyalty hub's steady state: most swipes come from known cards), activated
 * through the engine itself with balance inquiries.
 */
final class BenchCoalition {
    static final int CARDS = 20_000;
    static final String MERCHANT = "bench";
    static final String STORE = "S1";

    final TerminalCredential http;
    final TerminalCredential iso8583;
    final TerminalCredential csv;
    final TerminalCredential mqtt;

    private BenchCoalition(TerminalCredential http, TerminalCredential iso8583, TerminalCredential csv, TerminalCredential mqtt) {
        this.http = http;
        this.iso8583 = iso8583;
        this.csv = csv;
        this.mqtt = mqtt;
    }

    static BenchCoalition seed(LoyaltyHub hub) {
        CardProgramme p = hub.admin().createCardProgramme("bench", "628000", 16, CheckDigitRule.LUHN);
        hub.admin().issueCardRange(p, "6280000000000000", "6280000099999999");
        hub.reloadCardCatalog();
        MerchantId m = hub.admin().createMerchant(MERCHANT, "Bench merchant", "EUR", new EarnRate(1, 100));
        hub.admin().addStore(m, STORE, "Bench store");
        BenchCoalition coalition = new BenchCoalition(hub.admin().addTerminal(m, STORE, "HTTP1"),
                hub.admin().addTerminal(m, STORE, "ISO1"), hub.admin().addTerminal(m, STORE, "CSV1"),
                hub.admin().addTerminal(m, STORE, "MQTT1"));
        coalition.activateCards(hub);
        return coalition;
    }

    /** A sale of one cent per card (0 points): only an applied sale gives a new card its account. */
    private void activateCards(LoyaltyHub hub) {
        TerminalIdentity till = hub.terminals().authenticate(http.credentialId(), http.secret()).orElseThrow();
        List<PosTransaction> batch = new ArrayList<>();
        for (int i = 0; i < CARDS; i++) {
            String card = TestCards.luhnCard("628000", 16, 1 + i);
            batch.add(new PosTransaction(till.merchantId(), till.storeId(), till.terminalId(), new TxnRef("activate-" + i),
                    TransactionType.SALE, hub.cardReader().read(card), Money.of(1, "EUR"), OffsetDateTime.now(),
                    List.of(), null, 0, Channel.HTTP_JSON));
            if (batch.size() == 500) {
                hub.engine().applyBatch(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            hub.engine().applyBatch(batch);
        }
    }
}
