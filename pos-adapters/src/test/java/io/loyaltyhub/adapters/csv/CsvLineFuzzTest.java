package io.loyaltyhub.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loyaltyhub.adapters.fuzz.CodedRefusal;
import io.loyaltyhub.adapters.poslog.TestCardReader;
import io.loyaltyhub.adapters.poslog.TestTerminalDirectory;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.txn.Channel;
import io.loyaltyhub.domain.txn.PosTransaction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of an end-of-day batch file under the fuzzer: it is either not CSV (the processor's "line-format"
 * refusal), or its fields become a transaction of the inbox folder's merchant, or a coded rejection that names no
 * card data. The fields a line splits into are also what the result writer's quoting reads back as.
 * Kept inputs: src/test/resources/io/loyaltyhub/adapters/csv/CsvLineFuzzTestInputs/.
 */
class CsvLineFuzzTest {

    private static final MerchantId MERCHANT = new MerchantId(7);
    private static final MerchantId OTHER_MERCHANT = new MerchantId(8);

    private final TestTerminalDirectory terminals = new TestTerminalDirectory();
    private final CsvLineMapper mapper = new CsvLineMapper(terminals, new TestCardReader());

    CsvLineFuzzTest() {
        terminals.add(MERCHANT, "S1", "T1");
        terminals.add(OTHER_MERCHANT, "S9", "T9");
    }

    @FuzzTest
    @DictionaryEntries({"S1,T1,", "S9,T9,", "SALE", "REFUND", "VOID", "2025-03-14T10:01:17+01:00", "6280001234567895", ",EUR,", "\"\""})
    void anyLineIsATransactionOfTheFoldersMerchantOrACodedRejection(byte[] bytes) {
        String line = new String(bytes, StandardCharsets.UTF_8);
        List<String> fields;
        try {
            fields = CsvFields.split(line);
        } catch (IllegalArgumentException notCsv) {
            CodedRefusal.assertQuotesNoCardData(notCsv.getMessage(), bytes);
            return;
        }
        String quotedAgain = fields.stream().map(CsvFields::quote).collect(Collectors.joining(","));
        assertThat(CsvFields.split(quotedAgain)).as("the fields quoted again").isEqualTo(fields);

        CsvLineDecision decision = mapper.decide(MERCHANT, 2, fields);
        assertThat(decision.lineNumber()).isEqualTo(2);
        if (decision instanceof CsvLineDecision.Reject reject) {
            CodedRefusal.assertCoded(reject.code(), reject.message(), bytes);
        } else {
            PosTransaction transaction = ((CsvLineDecision.Submit) decision).transaction();
            assertThat(transaction.merchantId()).as("the folder's merchant, whatever the line says").isEqualTo(MERCHANT);
            assertThat(transaction.channel()).isEqualTo(Channel.CSV_BATCH);
            assertThat(transaction.txnRef().value()).isEqualTo(decision.txnRef());
        }
    }
}
