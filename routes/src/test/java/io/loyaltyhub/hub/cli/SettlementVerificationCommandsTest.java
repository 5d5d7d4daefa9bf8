package io.loyaltyhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyhub.domain.engine.PointsEngine;
import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.report.ConsentedContacts;
import io.loyaltyhub.domain.report.CustomerPseudonyms;
import io.loyaltyhub.domain.report.MerchantReports;
import io.loyaltyhub.domain.report.ReportDownloads;
import io.loyaltyhub.domain.report.ReportSink;
import io.loyaltyhub.domain.settlement.PeriodKind;
import io.loyaltyhub.domain.settlement.ProgrammeTerms;
import io.loyaltyhub.domain.settlement.SettlementTerms;
import io.loyaltyhub.domain.testing.CoalitionFixture.TestMerchant;
import io.loyaltyhub.domain.testing.CoalitionFixture;
import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.domain.txn.TransactionType;
import io.loyaltyhub.hub.config.HubSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The checks docs/settlement.md gives a merchant, run exactly as written (the block between its verify markers) with
 * openssl and coreutils, over a statement the period-close command signed with the hub's keystore key and the files
 * the merchant downloads from the report API; a changed figure fails them. Also: a merchant's reports show only its
 * own statements and receipts. Skipped only when openssl is absent (LOYALTY_REQUIRE_OPENSSL=true fails instead).
 */
@Slow
@ResourceLock(Resources.SYSTEM_OUT)
class SettlementVerificationCommandsTest {
    @TempDir
    Path dir;

    @Test
    void aMerchantVerifiesItsSignedStatementCoverageAndAReceiptWithTheDocumentedCommands() throws Exception {
        DocumentedVerification.requireOpenssl();
        Path data = dir.resolve("hub-data");
        assertThat(DocumentedVerification.cli("keys-init", "-s", "hub.data-dir=" + data).exitCode()).isZero();
        TestMerchant books;
        TestMerchant cafe;
        String receipt = "R-1003";
        try (Database db = open(data)) {
            CoalitionFixture coalition = new CoalitionFixture(db);
            books = coalition.merchant("books");
            cafe = coalition.merchant("cafe");
            new SettlementTerms(db, IdGenerator.forNode(40), Clock.systemUTC()).setProgramme(
                    new ProgrammeTerms("EUR", 1, 1, PeriodKind.DAILY));
            PointsEngine engine = new PointsEngine(db, IdGenerator.forNode(41), Clock.systemUTC(), 8);
            String card = CoalitionFixture.cardNumber(7001);
            for (int i = 1; i <= 6; i++) {
                engine.apply(coalition.sale(books, "R-100" + i, card, 1_000L * i));
            }
            engine.apply(coalition.txn(books, "R-2001", TransactionType.REDEEM, card, 50, null));
            engine.apply(coalition.sale(cafe, "C-1", card, 2_500));
        }

        HubCommandRun closed = DocumentedVerification.cli("period-close", "--now", "-s", "hub.data-dir=" + data);
        HubCommandRun key = DocumentedVerification.cli("hub-signing-key", "-s", "hub.data-dir=" + data);
        assertThat(closed.exitCode()).as(closed.err()).isZero();
        assertThat(closed.out()).contains("2 statement(s) written, checkpoint signed");
        Files.writeString(dir.resolve("hub-signing-key.pem"), key.out());
        HubCommandRun operatorView = DocumentedVerification.cli("settlement-statements", "-s", "hub.data-dir=" + data);
        HubCommandRun liability = DocumentedVerification.cli("settlement-liability", "-s", "hub.data-dir=" + data);
        HubCommandRun again = DocumentedVerification.cli("period-close", "-s", "hub.data-dir=" + data);
        HubCommandRun negative = DocumentedVerification.cli("prepaid-topup", "--merchant", "books", "--points", "-5",
                "-s", "hub.data-dir=" + data);
        assertThat(operatorView.out()).contains(books.id() + ",0..7,210,0,50,0,210,50,-160,EUR")
                .contains(cafe.id() + ",0..1,25,0,0,0,25,0,-25,EUR").contains("sum 0");
        assertThat(liability.out()).contains("merchant:" + books.id() + ",160,160").contains("merchant:" + cafe.id() + ",25,25");
        java.util.regex.Matcher closedId = java.util.regex.Pattern.compile("closed period (\\d+) ").matcher(closed.out());
        assertThat(closedId.find()).as(closed.out()).isTrue();
        HubCommandRun recorded = DocumentedVerification.cli("settlement-liability", "--period", closedId.group(1),
                "-s", "hub.data-dir=" + data);
        assertThat(recorded.out()).as(recorded.err()).contains("liability of period " + closedId.group(1))
                .contains("merchant:" + books.id() + ",160,160,EUR").contains("mailed gifts sent in the period: 0");
        assertThat(again.exitCode()).as("the next period has not ended").isEqualTo(2);
        assertThat(again.err()).contains("period-not-ended");
        assertThat(negative.err()).contains("topup-not-positive");
        try (Database db = open(data)) {
            download(db, books, "statements", Map.of(), "statements.csv");
            download(db, books, "statement-entries", Map.of(), "statement-entries.csv");
            download(db, books, "inclusion-proof", Map.of("txn", receipt), "proof.csv");
            download(db, cafe, "statements", Map.of(), "cafe-statements.csv");
            download(db, cafe, "inclusion-proof", Map.of("txn", receipt), "cafe-proof.csv");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> download(db, books, "inclusion-proof", Map.of(), "none.csv"))
                    .isInstanceOf(io.loyaltyhub.domain.report.ReportRejected.class)
                    .extracting(e -> ((io.loyaltyhub.domain.report.ReportRejected) e).code()).isEqualTo("missing-parameter");
        }

        HubCommandRun verified = DocumentedVerification.run(dir);

        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("Signature Verified Successfully").contains("statement covers its 7 entries")
                .contains("receipt included in the signed statement");
        String booksRoot = merkleRoot(Files.readString(dir.resolve("statements.csv")));
        assertThat(Files.readString(dir.resolve("cafe-statements.csv"))).contains("|merchant=" + cafe.id() + "|")
                .doesNotContain(booksRoot).doesNotContain("|merchant=" + books.id() + "|");
        assertThat(Files.readAllLines(dir.resolve("cafe-proof.csv"))).as("another merchant's receipt").hasSize(1);

        String statements = Files.readString(dir.resolve("statements.csv"));
        assertThat(statements).as("the 6 sales' points").contains("|issued=210|");
        Files.writeString(dir.resolve("statements.csv"), statements.replace("|issued=210|", "|issued=2100|"));
        HubCommandRun tampered = DocumentedVerification.run(dir);
        assertThat(tampered.exitCode()).as(tampered.out() + tampered.err()).isNotZero();
        assertThat(tampered.out() + tampered.err()).contains("Signature Verification Failure");
    }

    private static String merkleRoot(String statementsCsv) {
        int at = statementsCsv.indexOf("|merkle=") + "|merkle=".length();
        return statementsCsv.substring(at, at + 64);
    }

    private void download(Database db, TestMerchant merchant, String report, Map<String, String> params, String file)
            throws IOException {
        MerchantReports reports = new MerchantReports(db, new CustomerPseudonyms(CoalitionFixture.filled(3)),
                new ConsentedContacts(), ReportSink.passThrough(), new ReportDownloads(db, IdGenerator.forNode(42), Clock.systemUTC()),
                Clock.systemUTC());
        try (OutputStream out = Files.newOutputStream(dir.resolve(file))) {
            reports.prepare(new MerchantPrincipal(merchant.id(), "mrc-test"), report, params).writeTo(out);
        }
    }

    private static Database open(Path data) {
        return Database.open(HubSettings.load(null, Map.of("hub.data-dir", data.toString())).databaseConfig(2));
    }

}
