package io.loyaltyhub.hub.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.domain.persistence.entity.ReportDownloadEntity;
import io.loyaltyhub.domain.report.ReportDownloads;
import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.ProblemResponses;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * GET /merchant/v1/report-downloads (this merchant's downloads, newest first) and
 * GET /merchant/v1/report-downloads/{id} (one of them; another merchant's id is 404 like an id that does not exist).
 */
final class DownloadsListProcessor implements Processor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MerchantAuthenticator authenticator;
    private final ReportDownloads downloads;

    DownloadsListProcessor(MerchantAuthenticator authenticator, ReportDownloads downloads) {
        this.authenticator = authenticator;
        this.downloads = downloads;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        byte[] body;
        try {
            MerchantPrincipal who = authenticator.authenticate(in);
            Optional<Long> id = downloadId(in);
            if (id.isEmpty()) {
                ArrayNode list = JSON.createArrayNode();
                downloads.list(who.merchant()).forEach(d -> list.add(toJson(d)));
                body = JSON.writeValueAsBytes(list);
            } else {
                ReportDownloadEntity d = downloads.find(who.merchant(), id.get())
                        .orElseThrow(() -> new HttpProblem(404, "unknown-download", "no report download with this id"));
                body = JSON.writeValueAsBytes(toJson(d));
            }
        } catch (HttpProblem p) {
            ProblemResponses.answer(exchange, p);
            return;
        }
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        in.setHeader("Cache-Control", "no-store");
        in.setBody(io.loyaltyhub.hub.http.ResponseBodies.whole(body));
    }

    private static Optional<Long> downloadId(Message in) {
        String path = in.getHeader(Exchange.HTTP_PATH, String.class);
        if (path == null) {
            path = in.getHeader(Exchange.HTTP_URI, String.class);
        }
        String marker = "report-downloads/";
        int at = path == null ? -1 : path.indexOf(marker);
        if (at < 0 || at + marker.length() >= path.length()) {
            return Optional.empty();
        }
        String id = path.substring(at + marker.length());
        if (!id.matches("[0-9]{1,19}")) {
            throw new HttpProblem(404, "unknown-download", "no report download with this id");
        }
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            throw new HttpProblem(404, "unknown-download", "no report download with this id");
        }
    }

    static ObjectNode toJson(ReportDownloadEntity d) {
        ObjectNode n = JSON.createObjectNode()
                .put("id", Long.toString(d.getId()))
                .put("report", d.getReport())
                .put("parameters", d.getParameters())
                .put("format", d.getFormat())
                .put("credential", d.getCredentialId())
                .put("outcome", d.getOutcome())
                .put("rows", d.getRowCount())
                .put("startedAt", d.getStartedAt().toString() + "Z");
        n.put("finishedAt", d.getFinishedAt() == null ? null : d.getFinishedAt().toString() + "Z");
        return n;
    }
}
