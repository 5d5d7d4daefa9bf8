package io.loyaltyhub.hub.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.report.MerchantReports;
import io.loyaltyhub.hub.http.HttpProblem;
import io.loyaltyhub.hub.http.ProblemResponses;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/** GET /merchant/v1/reports: the names of the reports a merchant can download. */
final class ReportListProcessor implements Processor {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MerchantAuthenticator authenticator;

    ReportListProcessor(MerchantAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        try {
            authenticator.authenticate(in);
        } catch (HttpProblem p) {
            ProblemResponses.answer(exchange, p);
            return;
        }
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        in.setHeader(Exchange.CONTENT_TYPE, "application/json");
        in.setBody(io.loyaltyhub.hub.http.ResponseBodies.whole(JSON.writeValueAsBytes(Map.of("reports", MerchantReports.names()))));
    }
}
