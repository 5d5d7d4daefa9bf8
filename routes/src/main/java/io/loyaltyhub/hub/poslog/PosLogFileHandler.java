package io.loyaltyhub.hub.poslog;

import io.loyaltyhub.adapters.poslog.PosLogDocumentException;
import io.loyaltyhub.adapters.poslog.PosLogIntake;
import io.loyaltyhub.adapters.poslog.PosLogResultWriter;
import io.loyaltyhub.adapters.poslog.PosLogTransactionResult;
import io.loyaltyhub.domain.model.MerchantId;
import io.loyaltyhub.domain.txn.NotStoredException;
import io.loyaltyhub.hub.csv.BatchFileHandler;
import io.loyaltyhub.hub.swipe.SwipeGateway;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;

/** POSLog files dropped in a merchant's inbox: the same intake as the HTTP POST, the result document as a file. */
final class PosLogFileHandler implements BatchFileHandler {

    private final PosLogIntake intake;
    private final SwipeGateway gateway;
    private final Duration answerTimeout;
    private final PosLogResultWriter writer = new PosLogResultWriter();

    PosLogFileHandler(PosLogIntake intake, SwipeGateway gateway, Duration answerTimeout) {
        this.intake = intake;
        this.gateway = gateway;
        this.answerTimeout = answerTimeout;
    }

    @Override
    public String channel() {
        return "poslog";
    }

    @Override
    public String resultExtension() {
        return "xml";
    }

    @Override
    public long process(MerchantId merchant, String merchantCode, InputStream file, OutputStream result) {
        List<PosLogTransactionResult> results;
        try {
            results = intake.submit(merchant, file, gateway::submit).await(answerTimeout);
        } catch (PosLogDocumentException refused) {
            writer.writeDocumentRefusal(refused.reason().code(), refused.getMessage(), result);
            return -1;
        }
        writer.write(results, result);
        // Transactions the hub did not store: the file goes to error/ and may be dropped again (copies count once).
        boolean allStored = results.stream().noneMatch(r -> NotStoredException.CODES.contains(r.code()));
        return allStored ? results.size() : -1;
    }

    @Override
    public void writeFileRefusal(String code, String message, OutputStream result) {
        writer.writeDocumentRefusal(code, message, result);
    }
}
