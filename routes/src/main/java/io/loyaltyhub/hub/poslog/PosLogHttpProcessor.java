package io.loyaltyhub.hub.poslog;

import io.loyaltyhub.adapters.poslog.PosLogClient;
import io.loyaltyhub.adapters.poslog.PosLogDocumentException;
import io.loyaltyhub.adapters.poslog.PosLogIntake;
import io.loyaltyhub.adapters.poslog.PosLogResultWriter;
import io.loyaltyhub.adapters.poslog.PosLogTransactionResult;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.MediaTypes;
import io.loyaltyhub.hub.http.ProblemResponses;
import io.loyaltyhub.hub.http.RequestBodies;
import io.loyaltyhub.hub.http.RequestSignatureCheck;
import io.loyaltyhub.hub.http.TerminalAuthenticator;
import io.loyaltyhub.hub.swipe.SwipeGateway;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.AsyncProcessorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /pos/v1/poslog: authenticate the back office's terminal credential (its merchant is the only merchant
 * the document can credit), read the whole document, make every creditable transaction durable, and answer
 * with one result row per transaction once all are answered or the reply timeout has passed. A document
 * refused as a whole is answered with problem+json and credits nothing. Waiting holds no thread.
 */
final class PosLogHttpProcessor extends AsyncProcessorSupport {

    private static final Logger log = LoggerFactory.getLogger(PosLogHttpProcessor.class);

    private final TerminalAuthenticator authenticator;
    private final RequestSignatureCheck signatures;
    private final PosLogIntake intake;
    private final SwipeGateway gateway;
    private final Duration replyTimeout;
    private final RequestBodies bodies;
    private final PosLogResultWriter writer = new PosLogResultWriter();

    PosLogHttpProcessor(TerminalAuthenticator authenticator, RequestSignatureCheck signatures, PosLogIntake intake,
                        SwipeGateway gateway, Duration replyTimeout, long maxDocumentBytes) {
        this.authenticator = authenticator;
        this.signatures = signatures;
        this.intake = intake;
        this.gateway = gateway;
        this.replyTimeout = replyTimeout;
        this.bodies = new RequestBodies(maxDocumentBytes, PosLogDocumentException.Reason.TOO_LARGE.code(), "the document");
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        PosLogIntake.Submission submission;
        try {
            Message in = exchange.getMessage();
            TerminalIdentity terminal = authenticator.authenticate(in);
            byte[] body = body(in);
            signatures.check(terminal, "POST", PosLogClient.PATH, name -> in.getHeader(name, String.class), body);
            submission = intake.submit(terminal.merchantId(), new ByteArrayInputStream(body), gateway::submit);
        } catch (HttpProblem problem) {
            return answered(exchange, callback, problem.status(), problem.code(), problem.getMessage());
        } catch (PosLogDocumentException refused) {
            int status = refused.reason() == PosLogDocumentException.Reason.TOO_LARGE ? 413 : 400;
            return answered(exchange, callback, status, refused.reason().code(), refused.getMessage());
        }
        submission.results(replyTimeout).whenComplete((results, failure) -> {
            if (failure != null) {
                log.error("POSLog answers lost: {}", failure.getMessage());
                ProblemResponses.answer(exchange, 500, "internal-error", "the transactions are stored but their answers were lost; send the document again");
            } else {
                reply(exchange, results);
            }
            callback.done(false);
        });
        return false;
    }

    private void reply(Exchange exchange, List<PosLogTransactionResult> results) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256 + 160 * results.size());
        writer.write(results, body);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, PosLogResultWriter.MEDIA_TYPE);
        out.setBody(body.toByteArray());
    }

    /** Read only now that the caller is authenticated, and never beyond the limit (see {@link RequestBodies}). */
    private byte[] body(Message in) {
        MediaTypes.require(in, MediaTypes.XML, "send the POSLog document as application/xml");
        byte[] body = bodies.read(in);
        if (body.length == 0) {
            throw new HttpProblem(400, "malformed-xml", "the request has no POSLog document");
        }
        return body;
    }

    private static boolean answered(Exchange exchange, AsyncCallback callback, int status, String code, String detail) {
        ProblemResponses.answer(exchange, status, code, detail);
        callback.done(true);
        return true;
    }
}
