package io.loyaltyhub.adapters.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.loyaltyhub.adapters.fuzz.CodedRefusal;
import io.loyaltyhub.adapters.poslog.TestCardReader;
import io.loyaltyhub.adapters.poslog.TestTerminalDirectory;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.txn.PosTransaction;
import io.loyaltyhub.domain.txn.ResultCode;
import io.loyaltyhub.domain.txn.TransactionOutcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import io.loyaltyhub.domain.txn.Submitted;

/**
 * A whole end-of-day batch file under the fuzzer, read by the processor exactly as a dropped file is: the file is
 * refused as a whole for its header (one result row, nothing credited), or every line gets exactly one result row,
 * in line order, and the counts add up. Rows are valid CSV of the result layout and their messages name no card data.
 * Kept inputs: src/test/resources/io/loyaltyhub/adapters/csv/CsvFileFuzzTestInputs/.
 */
class CsvFileFuzzTest {

    private static final MerchantId MERCHANT = new MerchantId(7);
    private static final int MESSAGE = CsvBatchLayout.RESULT_COLUMNS.indexOf("message");
    private static final int STATUS = CsvBatchLayout.RESULT_COLUMNS.indexOf("status");

    private final TestTerminalDirectory terminals = new TestTerminalDirectory();
    private final CsvBatchProcessor processor = new CsvBatchProcessor(new CsvLineMapper(terminals, new TestCardReader()),
            CsvBatchProcessor.oneAtATime(CsvFileFuzzTest::credit), 4, Duration.ofSeconds(5));

    CsvFileFuzzTest() {
        terminals.add(MERCHANT, "S1", "T1");
    }

    @FuzzTest
    // (libFuzzer's dictionary format cannot hold a line break; the seed files have plenty)
    @DictionaryEntries({"store_code,terminal_code,txn_ref,type,occurred_at,card_number,amount_minor,currency,original_txn_ref",
            "S1,T1,", "SALE", "REFUND", "VOID", "2025-03-14T10:01:17+01:00", "6280001234567895", ",EUR,"})
    void anyFileGetsOneResultRowPerLineOrIsRefusedAsAWhole(byte[] file) throws IOException {
        StringWriter results = new StringWriter();

        CsvBatchSummary summary = processor.process(MERCHANT, new ByteArrayInputStream(file), results);

        List<String> rows = Arrays.asList(results.toString().split("\n", -1));
        assertThat(rows.get(0)).isEqualTo(CsvBatchLayout.RESULT_HEADER);
        assertThat(rows.get(rows.size() - 1)).as("the result file ends with a line break").isEmpty();
        List<List<String>> rowFields = rows.subList(1, rows.size() - 1).stream().map(CsvFields::split).toList();
        for (List<String> row : rowFields) {
            assertThat(row).as("a result row").hasSize(CsvBatchLayout.RESULT_COLUMNS.size());
            CodedRefusal.assertQuotesNoCardData(row.get(MESSAGE), file);
        }
        if (summary.fileRejected()) {
            assertThat(rowFields).singleElement().satisfies(row -> assertThat(row.get(STATUS)).isEqualTo("rejected"));
            assertThat(summary.lines()).isZero();
            return;
        }
        assertThat(rowFields).hasSize((int) summary.lines());
        assertThat(summary.approved() + summary.declined() + summary.pending() + summary.rejected()).isEqualTo(summary.lines());
        long previous = 1;
        for (List<String> row : rowFields) {
            long line = Long.parseLong(row.get(0));
            assertThat(line).as("result rows in line order").isGreaterThan(previous);
            previous = line;
        }
    }

    private static Submitted credit(PosTransaction transaction) {
        return Submitted.answered(new TransactionOutcome(ResultCode.APPROVED, 12, 1012,
                transaction.card().token().last4(), false));
    }
}
