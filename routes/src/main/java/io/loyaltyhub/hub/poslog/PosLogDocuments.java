package io.loyaltyhub.hub.poslog;

import io.loyaltyhub.adapters.poslog.PosLogIntake;
import io.loyaltyhub.adapters.poslog.PosLogResultWriter;
import io.loyaltyhub.adapters.poslog.PosLogTransactionResult;
import io.loyaltyhub.hub.http.TerminalRequest;
import io.loyaltyhub.hub.intake.AwaitAnswer;
import io.loyaltyhub.hub.swipe.SwipeGateway;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The POSLog channel's steps for one posted document: each transaction in it goes through the intake (a document
 * refused as a whole is a problem answer; a transaction refused alone gets its own result), the answers are awaited
 * together, and the results go back as one POSLog result document.
 */
final class PosLogDocuments {
    private final PosLogIntake intake;
    private final SwipeGateway swipeIntake;
    private final Duration replyTimeout;
    private final PosLogResultWriter writer = new PosLogResultWriter();

    PosLogDocuments(PosLogIntake intake, SwipeGateway swipeIntake, Duration replyTimeout) {
        this.intake = intake;
        this.swipeIntake = swipeIntake;
        this.replyTimeout = replyTimeout;
    }

    /** Body: the document's bytes → the submission of its transactions. */
    void submitDocument(Exchange exchange) {
        Message in = exchange.getMessage();
        in.setBody(intake.submit(TerminalRequest.terminal(exchange).merchantId(),
                new ByteArrayInputStream(in.getBody(byte[].class)), swipeIntake::submit));
    }

    /** Waits (without holding a thread) for every transaction's answer, or the reply timeout. */
    AwaitAnswer awaitResults() {
        return new AwaitAnswer(exchange -> exchange.getMessage().getMandatoryBody(PosLogIntake.Submission.class)
                .results(replyTimeout));
    }

    @SuppressWarnings("unchecked")
    void answerResults(Exchange exchange) {
        List<PosLogTransactionResult> results = exchange.getMessage().getBody(List.class);
        ByteArrayOutputStream body = new ByteArrayOutputStream(256 + 160 * results.size());
        writer.write(results, body);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, PosLogResultWriter.MEDIA_TYPE);
        out.setBody(body.toByteArray());
    }
}
