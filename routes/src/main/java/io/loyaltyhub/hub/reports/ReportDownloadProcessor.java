package io.loyaltyhub.hub.reports;

import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.domain.report.MerchantReports;
import io.loyaltyhub.domain.report.ReportRejected;
import io.loyaltyhub.domain.report.ReportSink;
import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.ProblemResponses;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.zip.GZIPOutputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /merchant/v1/reports/{name}: authenticate the merchant, check the parameters (answering 400/404 before any
 * byte of the report), then stream the report: a bounded pool of writers reads the database into a
 * {@link ReportPipe} that the HTTP response drains, gzip-compressed when the client asks for it, unless the report is
 * encrypted to the merchant's OpenPGP key (then it is sent as {@code NAME.pgp}, compressed inside the message).
 */
public final class ReportDownloadProcessor implements Processor {
    private static final Logger log = LoggerFactory.getLogger(ReportDownloadProcessor.class);
    static final String PATH = "/merchant/v1/reports/";

    private final MerchantCaller authenticator;
    private final MerchantReports reports;
    private final ExecutorService writers;
    private final Duration stallTimeout;

    /** @param authenticator who the caller is: a merchant credential, or a portal session */
    public ReportDownloadProcessor(MerchantCaller authenticator, MerchantReports reports, ExecutorService writers,
                            Duration stallTimeout) {
        this.authenticator = authenticator;
        this.reports = reports;
        this.writers = writers;
        this.stallTimeout = stallTimeout;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        MerchantReports.PreparedReport report;
        Map<String, String> params;
        try {
            MerchantPrincipal who = authenticator.authenticate(in);
            params = QueryParameters.parse(in.getHeader(Exchange.HTTP_RAW_QUERY, String.class));
            report = reports.prepare(who, reportName(in), params);
        } catch (HttpProblem p) {
            ProblemResponses.answer(exchange, p);
            return;
        } catch (ReportRejected r) {
            ProblemResponses.answer(exchange, r.kind() == ReportRejected.Kind.NOT_FOUND ? 404 : 400, r.code(), r.getMessage());
            return;
        } catch (ReportSink.DeliveryUnavailable e) {
            log.warn("report download refused: {}", e.getMessage());
            ProblemResponses.answer(exchange, 500, "report-encryption-key-unusable",
                    "the OpenPGP key registered for this merchant cannot encrypt; register a new one");
            return;
        }
        // An encrypted report is compressed inside the OpenPGP message already; gzip on top would gain nothing.
        boolean gzip = !report.wrapped() && gzipRequested(params, in.getHeader("Accept-Encoding", String.class));
        ReportPipe pipe = new ReportPipe(16, 64 * 1024, stallTimeout);
        try {
            writers.execute(() -> write(report, pipe, gzip));
        } catch (RejectedExecutionException busy) {
            ProblemResponses.answer(exchange, 503, "too-many-downloads", "too many report downloads at once; try again shortly");
            return;
        }
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        in.setHeader(Exchange.CONTENT_TYPE, report.contentType());
        in.setHeader("Content-Disposition", "attachment; filename=\"" + report.fileName() + "\"");
        in.setHeader("Cache-Control", "no-store");
        if (gzip) {
            in.setHeader("Content-Encoding", "gzip");
        }
        in.setBody(pipe.input());
    }

    private static void write(MerchantReports.PreparedReport report, ReportPipe pipe, boolean gzip) {
        try {
            OutputStream out = gzip ? new GZIPOutputStream(pipe.output(), 64 * 1024) : pipe.output();
            report.writeTo(out);
        } catch (IOException | RuntimeException e) {
            // The merchant's credential, not its numeric id: the log masker would take an id for a card number.
            log.warn("report download {} by merchant credential {} ended early: {}", report.request().report(),
                    report.request().who().credentialId(), e.getMessage());
            pipe.abort(e);
        }
    }

    private static String reportName(Message in) {
        String uri = in.getHeader(Exchange.HTTP_PATH, String.class);
        if (uri == null) {
            uri = in.getHeader(Exchange.HTTP_URI, String.class);
        }
        int at = uri == null ? -1 : uri.lastIndexOf('/');
        String name = at < 0 ? "" : uri.substring(at + 1);
        int query = name.indexOf('?');
        return query < 0 ? name : name.substring(0, query);
    }

    /** gzip=true asks for it, gzip=false refuses it; otherwise Accept-Encoding decides. */
    static boolean gzipRequested(Map<String, String> params, String accept) {
        if (params.containsKey("gzip")) {
            return "true".equals(params.get("gzip"));
        }
        if (accept == null) {
            return false;
        }
        for (String part : accept.toLowerCase(Locale.ROOT).split(",")) {
            String[] token = part.trim().split(";");
            if (token[0].trim().equals("gzip") && !(token.length > 1 && token[1].replace(" ", "").equals("q=0"))) {
                return true;
            }
        }
        return false;
    }
}
