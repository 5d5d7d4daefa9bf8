package io.loyaltyhub.hub.cli;

import io.loyaltyhub.domain.merchant.MerchantCredential;

import io.loyaltyhub.domain.settlement.PeriodKind;
import io.loyaltyhub.domain.settlement.ProgrammeTerms;
import io.loyaltyhub.domain.settlement.SettlementTerms;
import io.loyaltyhub.hub.LoyaltyHub;
import java.io.PrintStream;
import java.time.Clock;

/**
 * The demo's settlement (docs/settlement.md): the programme's terms (1 cent per point issued and per point redeemed,
 * daily periods) when none are set, and the commands that close the period, download books' signed statement and
 * verify it.
 */
final class DemoSettlement {
    /** A demo sale at books (the first seeded customer's first visit): the receipt whose inclusion is proved. */
    static final String DEMO_RECEIPT = "demo-seed-100-0";
    private static final String LAUNCHER = "java -jar routes/target/loyalty-hub.jar";

    private DemoSettlement() {
    }

    static void seedAndPrint(LoyaltyHub hub, PrintStream out, MerchantCredential books, String reportsBase) {
        SettlementTerms terms = new SettlementTerms(hub.database(),
                hub.ids(), Clock.systemUTC());
        if (terms.programme().isEmpty()) {
            terms.setProgramme(new ProgrammeTerms("EUR", 1, 1, PeriodKind.DAILY));
        }
        String data = " -s hub.data-dir=" + hub.settings().text("hub.data-dir");
        out.println("Settlement (docs/settlement.md): " + terms.programme().orElseThrow() + "; from another terminal in this folder:");
        out.println("# close the open period now: every merchant's statement, signed with the hub's key");
        out.println(LAUNCHER + " period-close --now" + data);
        out.println(LAUNCHER + " settlement-statements" + data);
        out.println("# books downloads its signed statement, the entries behind it and the proof that receipt " + DEMO_RECEIPT
                + " is in it; the operator publishes the hub's public key");
        String auth = "curl -s -u '" + books.credentialId() + ":" + books.secret() + "' '" + reportsBase;
        out.println(auth + "reports/statements' -o statements.csv");
        out.println(auth + "reports/statement-entries' -o statement-entries.csv");
        out.println(auth + "reports/inclusion-proof?txn=" + DEMO_RECEIPT + "' -o proof.csv");
        out.println(LAUNCHER + " hub-signing-key" + data + " > hub-signing-key.pem");
        out.println("# verify with openssl and sha256sum only: the block of docs/settlement.md, saved as verify-statement.sh");
        out.println("sed -n '/<!-- verify-start -->/,/<!-- verify-end -->/p' docs/settlement.md | sed '1,2d;$d' | sed '$d' > verify-statement.sh"
                + " && bash verify-statement.sh");
        out.println("# and the ledger's hash chains: edit a row of ledger_entry and this names it");
        out.println(LAUNCHER + " ledger-verify" + data);
        out.println();
    }
}
