package io.loyaltyhub.adapters.poslog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loyaltyhub.adapters.fuzz.CodedRefusal;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import io.loyaltyhub.domain.txn.Submitted;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A POSLog document under the fuzzer, through the intake a POST or a dropped file goes through: the document is
 * refused as a whole with a coded reason (nothing submitted), or every transaction in it is submitted, skipped or
 * rejected with a code that names no card data; and the result document written for it is well-formed XML with one
 * row per transaction. Kept inputs: src/test/resources/io/loyaltyhub/adapters/poslog/PosLogFuzzTestInputs/.
 */
class PosLogFuzzTest {

    private static final MerchantId MERCHANT = new MerchantId(7);
    /** Small limits, so the fuzzer reaches them with inputs of a few kilobytes. */
    private static final PosLogLimits LIMITS = new PosLogLimits(16 * 1024, 12, 20);

    private final TestTerminalDirectory terminals = new TestTerminalDirectory();
    private final PosLogIntake intake = new PosLogIntake(new PosLogReader(LIMITS), new PosLogMapper(terminals, new TestCardReader(),
            new PosLogSettings(ZoneId.of("Europe/Paris"), Currency.getInstance("EUR"))));
    private final PosLogResultWriter writer = new PosLogResultWriter();
    private int submitted;

    PosLogFuzzTest() {
        terminals.add(MERCHANT, "S001", "T01");
        terminals.add(MERCHANT, "S002", "T05");
    }

    @FuzzTest
    @DictionaryEntries({"<POSLog xmlns=\"http://www.nrf-arts.org/IXRetail/v6.0.0/poslog\">", "<Transaction>", "</Transaction>",
            "<RetailTransaction>", "</RetailTransaction>", "<LineItem>", "<Sale>", "<Return>", "<ItemID>", "<Quantity>",
            "<ExtendedAmount>", "<Total TotalType=\"TransactionGrandAmount\">", "<CurrencyCode>", "<EndDateTime>",
            "<BusinessUnit><UnitID>S001</UnitID></BusinessUnit>", "<WorkstationID>T01</WorkstationID>", "<TransactionID>",
            "<LoyaltyCard><PrimaryAccountNumber>6280001234567895</PrimaryAccountNumber></LoyaltyCard>", "CancelFlag=\"true\"",
            "TrainingModeFlag", "VoidFlag", "<![CDATA[", "&amp;", "<!DOCTYPE", "2025-03-14T10:01:17+01:00", "12.35", "-4.10"})
    void anyDocumentIsRefusedAsAWholeOrAnsweredPerTransaction(byte[] document) {
        submitted = 0;
        PosLogIntake.Submission submission;
        try {
            submission = intake.submit(MERCHANT, new ByteArrayInputStream(document), this::credit);
        } catch (PosLogDocumentException refused) {
            assertThat(submitted).as("transactions submitted from a refused document").isZero();
            CodedRefusal.assertCoded(refused.reason().code(), refused.getMessage(), document);
            wellFormed(refusalDocument(refused));
            return;
        }
        List<PosLogTransactionResult> results = submission.await(Duration.ofSeconds(5));
        for (PosLogTransactionResult result : results) {
            assertThat(result.code()).isNotNull();
            if (result.status() == PosLogTransactionResult.Status.REJECTED) {
                CodedRefusal.assertCoded(result.code(), result.message(), document);
            }
        }
        assertThat(results.stream().filter(r -> r.status() == PosLogTransactionResult.Status.APPROVED)).hasSize(submitted);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        writer.write(results, answer);
        assertThat(wellFormed(answer.toByteArray())).as("transaction rows in the result document").isEqualTo(results.size());
    }

    private Submitted credit(PosTransaction transaction) {
        assertThat(transaction.merchantId()).as("the caller's merchant, whatever the document says").isEqualTo(MERCHANT);
        assertThat(transaction.channel()).isEqualTo(Channel.POSLOG);
        submitted++;
        return Submitted.answered(new TransactionOutcome(ResultCode.APPROVED, 12, 1012,
                transaction.card().token().last4(), false));
    }

    private byte[] refusalDocument(PosLogDocumentException refused) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeDocumentRefusal(refused.reason().code(), refused.getMessage(), out);
        return out.toByteArray();
    }

    /** @return how many Transaction elements the result document holds */
    private static int wellFormed(byte[] xml) {
        try {
            XMLStreamReader reader = XMLInputFactory.newDefaultFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            int transactions = 0;
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamReader.START_ELEMENT && reader.getLocalName().equals("Transaction")) {
                    transactions++;
                }
            }
            return transactions;
        } catch (XMLStreamException e) {
            throw new AssertionError("the hub's answer is not well-formed XML: " + e.getMessage(), e);
        }
    }
}
