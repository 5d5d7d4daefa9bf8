package io.loyaltyhub.hub.csv;

import io.loyaltyhub.adapters.csv.CsvBatchProcessor;
import io.loyaltyhub.adapters.csv.CsvBatchSummary;
import io.loyaltyhub.adapters.csv.CsvLineResult;
import io.loyaltyhub.adapters.csv.CsvResultWriter;
import io.loyaltyhub.domain.model.MerchantId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** End-of-day CSV files: every line decided and credited on its own, one result row per line. */
final class CsvBatchFileHandler implements BatchFileHandler {

    private static final Logger log = LoggerFactory.getLogger(CsvBatchFileHandler.class);

    private final CsvBatchProcessor processor;

    CsvBatchFileHandler(CsvBatchProcessor processor) {
        this.processor = processor;
    }

    @Override
    public String channel() {
        return "csv";
    }

    @Override
    public String resultExtension() {
        return "csv";
    }

    @Override
    public long process(MerchantId merchant, String merchantCode, InputStream file, OutputStream result) throws IOException {
        Writer out = writer(result);
        CsvBatchSummary summary = processor.process(merchant, file, out);
        out.flush();
        log.info("CSV batch for merchant {}: {} lines, {} approved, {} declined, {} pending, {} rejected ({} not stored){}", merchantCode,
                summary.lines(), summary.approved(), summary.declined(), summary.pending(), summary.rejected(), summary.notStored(),
                summary.fileRejected() ? " (file refused: " + summary.fileRejection() + ")" : "");
        // A file with lines the hub did not store goes to error/ and is not recorded as processed: the same file
        // dropped again credits those lines, and answers the others as duplicates.
        return summary.fileRejected() || !summary.allStored() ? -1 : summary.lines();
    }

    @Override
    public void writeFileRefusal(String code, String message, OutputStream result) throws IOException {
        Writer out = writer(result);
        CsvResultWriter writer = new CsvResultWriter(out);
        writer.writeHeader();
        writer.write(CsvLineResult.rejected(0, null, code, message));
        out.flush();
    }

    private static Writer writer(OutputStream result) {
        return new BufferedWriter(new OutputStreamWriter(result, StandardCharsets.UTF_8), 64 * 1024);
    }
}
