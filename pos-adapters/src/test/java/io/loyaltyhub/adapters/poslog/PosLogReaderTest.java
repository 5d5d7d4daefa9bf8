package io.loyaltyhub.adapters.poslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PosLogReaderTest {

    private static final String NCR_MEMBERSHIP_ID = "0000000000000040000066677";

    private final PosLogReader reader = new PosLogReader(PosLogLimits.DEFAULT);

    @Test
    void readsTheSmallNcrSampleIntoASignOnAndALoyaltySale() {
        List<PosLogTransaction> transactions = reader.read(PosLogFixtures.open("ncr-acs-small.xml"));

        assertThat(transactions).hasSize(2);
        PosLogTransaction signOn = transactions.get(0);
        assertThat(signOn.retail()).isFalse();
        assertThat(signOn.reference()).isEqualTo("2017-09-30/160");

        PosLogTransaction sale = transactions.get(1);
        assertThat(sale.position()).isEqualTo(2);
        assertThat(sale.retail()).isTrue();
        assertThat(sale.cancelled()).isFalse();
        assertThat(sale.storeCode()).isEqualTo("9");
        assertThat(sale.workstationCode()).isEqualTo("34");
        assertThat(sale.reference()).isEqualTo("2017-09-30/161");
        assertThat(sale.dateTime()).isEqualTo("2017-10-01T02:02:54");
        assertThat(sale.currencyCode()).isEqualTo("USD");
        assertThat(sale.totals().grand()).isEqualTo("1.07");
        assertThat(sale.lines()).containsExactly(
                new PosLogLine(PosLogLine.Kind.SALE, "00000000067591", "6", "0.42", "1.26"));
        assertThat(sale.loyaltyIdentifier().source()).isEqualTo(LoyaltyIdentifier.Source.NCR_LOYALTY_MEMBERSHIP);
        assertThat(sale.loyaltyIdentifier().number()).isEqualTo(NCR_MEMBERSHIP_ID);
    }

    @Test
    void readsEveryTransactionOfTheFiftyOneTransactionNcrSample() {
        List<PosLogTransaction> transactions = reader.read(PosLogFixtures.open("ncr-acs-51-transactions.xml"));

        assertThat(transactions).hasSize(51);
        assertThat(transactions).extracting(PosLogTransaction::position).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 51).boxed().toList());
        assertThat(transactions).filteredOn(t -> !t.retail()).hasSize(9);
        assertThat(transactions).filteredOn(t -> t.loyaltyIdentifier() != null).hasSize(4)
                .allSatisfy(t -> assertThat(t.loyaltyIdentifier().number()).hasSize(25));
        assertThat(transactions).filteredOn(PosLogTransaction::retail)
                .allSatisfy(t -> assertThat(t.totals().grand()).isNotNull());
        // 552 Sale lines in the file, 4 of them voided at the till
        assertThat(transactions.stream().mapToInt(t -> t.lines().size()).sum()).isEqualTo(548);
        assertThat(transactions).extracting(t -> t.workstationCode() + "|" + t.reference()).doesNotHaveDuplicates();
    }

    @Test
    void readsTheArts6NamespaceWithBusinessUnitsTransactionIdsAndLoyaltyCards() {
        List<PosLogTransaction> transactions = reader.read(PosLogFixtures.open("arts6-store-day.xml"));

        assertThat(transactions).hasSize(5);
        PosLogTransaction sale = transactions.get(0);
        assertThat(sale.storeCode()).isEqualTo("S001");
        assertThat(sale.workstationCode()).isEqualTo("T01");
        assertThat(sale.reference()).isEqualTo("S001-T01-1001");
        assertThat(sale.dateTime()).isEqualTo("2025-03-14T10:01:17+01:00");
        assertThat(sale.totals().grand()).isEqualTo("12.35");
        assertThat(sale.lines()).as("the voided line is left out").containsExactly(
                new PosLogLine(PosLogLine.Kind.SALE, "4006381333931", "STATIONERY", "2", "5.00"),
                new PosLogLine(PosLogLine.Kind.SALE, "0000000067591", "FRUIT", "0.735", "7.35"));
        assertThat(sale.loyaltyIdentifier().source()).isEqualTo(LoyaltyIdentifier.Source.LOYALTY_CARD);
        assertThat(sale.loyaltyIdentifier().number()).isEqualTo("6280001234567895");

        assertThat(transactions.get(1).retail()).isFalse();
        assertThat(transactions.get(2).cancelled()).isTrue();
        PosLogTransaction refund = transactions.get(3);
        assertThat(refund.totals().grand()).isEqualTo("-2.50");
        assertThat(refund.lines()).extracting(PosLogLine::kind).containsExactly(PosLogLine.Kind.RETURN);
        assertThat(refund.loyaltyIdentifier().source()).isEqualTo(LoyaltyIdentifier.Source.LOYALTY_ACCOUNT);
        assertThat(transactions.get(4).loyaltyIdentifier()).isNull();
    }

    @Test
    void readsPrefixedArts2ElementsAndPrefersTheLoyaltyAccountOverTheCustomerWhateverTheOrder() {
        List<PosLogTransaction> transactions = reader.read(PosLogFixtures.open("arts2-customer-ids.xml"));

        assertThat(transactions).hasSize(2);
        assertThat(transactions.get(0).storeCode()).isEqualTo("S002");
        assertThat(transactions.get(0).reference()).isEqualTo("2025-03-14/42");
        assertThat(transactions.get(0).currencyCode()).isNull();
        assertThat(transactions.get(0).loyaltyIdentifier().number()).isEqualTo("6280009876543215");
        assertThat(transactions.get(0).loyaltyIdentifier().source()).isEqualTo(LoyaltyIdentifier.Source.LOYALTY_ACCOUNT);
        assertThat(transactions.get(1).loyaltyIdentifier().source())
                .as("a Customer nested in a vendor extension").isEqualTo(LoyaltyIdentifier.Source.CUSTOMER);
    }

    @Test
    void keepsPredefinedEntitiesAsText() {
        List<PosLogTransaction> transactions = reader.read(xml("<POSLog xmlns='http://www.nrf-arts.org/IXRetail/namespace/'>"
                + "<Transaction><RetailStoreID>A&amp;B</RetailStoreID></Transaction></POSLog>"));

        assertThat(transactions.get(0).storeCode()).isEqualTo("A&B");
    }

    @Test
    void refusesAnExternalEntityWithoutReadingIt() {
        assertThatThrownBy(() -> reader.read(PosLogFixtures.open("xxe-external-entity.xml")))
                .isInstanceOfSatisfying(PosLogDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(PosLogDocumentException.Reason.DTD_NOT_ALLOWED))
                .message().doesNotContain("root:").doesNotContain("passwd");
    }

    /** Found by PosLogFuzzTest: the refusal quoted the root element's name, whatever it held. */
    @Test
    void refusesAnotherRootElementWithoutQuotingANameThatHoldsDigits() {
        assertThatThrownBy(() -> reader.read(xml("<POS6280001234567895Log xmlns='http://www.nrf-arts.org/IXRetail/namespace/'/>")))
                .isInstanceOfSatisfying(PosLogDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(PosLogDocumentException.Reason.NOT_POSLOG))
                .message().doesNotContain("628000").contains("(name not shown)");
        assertThatThrownBy(() -> reader.read(xml("<Envelope/>"))).message().contains("found element Envelope");
    }

    /** Found by PosLogFuzzTest: the parser's report of this fault escaped as a MissingResourceException. */
    @Test
    void refusesADoctypeWithAControlCharacterInsideAsADtd() {
        assertThatThrownBy(() -> reader.read(xml("<?xml version='1.0'?><!DOCTYPE POSLog [<!ENTITY card SYSTEM 'f\u0001ile:///etc/passwd'>]>"
                + "<POSLog xmlns='http://www.nrf-arts.org/IXRetail/namespace/'/>")))
                .isInstanceOfSatisfying(PosLogDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(PosLogDocumentException.Reason.DTD_NOT_ALLOWED));
    }

    @Test
    void refusesEntityExpansionBombs() {
        assertThatThrownBy(() -> reader.read(PosLogFixtures.open("xxe-billion-laughs.xml")))
                .isInstanceOfSatisfying(PosLogDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(PosLogDocumentException.Reason.DTD_NOT_ALLOWED));
    }

    @Test
    void refusesADocumentLargerThanTheLimitBeforeReadingItAll() {
        PosLogReader small = new PosLogReader(new PosLogLimits(4096, 32, 100));
        CountingStream body = new CountingStream(PosLogFixtures.bytes("ncr-acs-51-transactions.xml"));

        assertThatThrownBy(() -> small.read(body))
                .isInstanceOfSatisfying(PosLogDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(PosLogDocumentException.Reason.TOO_LARGE));
        assertThat(body.delivered).isLessThan(64 * 1024);
    }

    @Test
    void refusesADocumentNestedDeeperThanTheLimit() {
        String deep = "<a>".repeat(200) + "</a>".repeat(200);
        String document = "<POSLog xmlns='http://www.nrf-arts.org/IXRetail/namespace/'><Transaction>" + deep + "</Transaction></POSLog>";

        assertThatThrownBy(() -> reader.read(xml(document)))
                .isInstanceOfSatisfying(PosLogDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(PosLogDocumentException.Reason.TOO_DEEP));
    }

    @Test
    void refusesMoreTransactionsThanTheLimit() {
        PosLogReader oneOnly = new PosLogReader(new PosLogLimits(PosLogLimits.DEFAULT.maxDocumentBytes(), 32, 1));

        assertThatThrownBy(() -> oneOnly.read(PosLogFixtures.open("ncr-acs-small.xml")))
                .isInstanceOfSatisfying(PosLogDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(PosLogDocumentException.Reason.TOO_MANY_TRANSACTIONS));
    }

    @Test
    void refusesATruncatedDocumentWithItsPositionButWithoutItsContent() {
        byte[] whole = PosLogFixtures.bytes("ncr-acs-small.xml");
        String text = new String(whole, StandardCharsets.UTF_8);
        byte[] truncated = Arrays.copyOf(whole, text.indexOf(NCR_MEMBERSHIP_ID) + NCR_MEMBERSHIP_ID.length());

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(truncated)))
                .isInstanceOfSatisfying(PosLogDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(PosLogDocumentException.Reason.MALFORMED))
                .message().contains("line 1").doesNotContain(NCR_MEMBERSHIP_ID);
    }

    @Test
    void refusesDocumentsThatAreNotArtsPosLogs() {
        assertThatThrownBy(() -> reader.read(xml("<POSLog xmlns='urn:somebody-else'><Transaction/></POSLog>")))
                .isInstanceOfSatisfying(PosLogDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(PosLogDocumentException.Reason.NOT_POSLOG));
        assertThatThrownBy(() -> reader.read(xml("{\"txnRef\": \"1\"}")))
                .isInstanceOfSatisfying(PosLogDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(PosLogDocumentException.Reason.MALFORMED));
    }

    @Test
    void neverShowsTheLoyaltyNumberInATransactionsTextForm() {
        PosLogTransaction sale = reader.read(PosLogFixtures.open("ncr-acs-small.xml")).get(1);

        assertThat(sale.toString()).doesNotContain(NCR_MEMBERSHIP_ID).contains("masked");
    }

    private static InputStream xml(String document) {
        return new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8));
    }

    private static final class CountingStream extends ByteArrayInputStream {
        private long delivered;

        CountingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            delivered += Math.max(n, 0);
            return n;
        }
    }
}
