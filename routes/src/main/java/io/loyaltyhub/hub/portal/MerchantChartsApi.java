package io.loyaltyhub.hub.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltyhub.domain.merchant.MerchantPrincipal;
import io.loyaltyhub.domain.report.ReportRejected;
import io.loyaltyhub.hub.http.ProblemResponses;
import io.loyaltyhub.hub.reports.QueryParameters;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * GET /portal/merchant/api/charts/{name}: one chart's data for the session's merchant. Refusals are those of the
 * report API, with the same status, code and body (another merchant's store code is 404 {@code unknown-store}
 * exactly like a store that does not exist).
 */
final class MerchantChartsApi extends PortalStep {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MerchantSessionGate gate;
    private final DashboardCharts charts;

    MerchantChartsApi(MerchantSessionGate gate, DashboardCharts charts) {
        this.gate = gate;
        this.charts = charts;
    }

    @Override
    void handle(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        MerchantPrincipal who = gate.authenticate(in);
        String path = in.getHeader(Exchange.HTTP_PATH, String.class);
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        try {
            json(exchange, JSON.writeValueAsBytes(charts.chart(who, name, QueryParameters.parse(in.getHeader(Exchange.HTTP_RAW_QUERY, String.class)))));
        } catch (ReportRejected r) {
            ProblemResponses.answer(exchange, r.kind() == ReportRejected.Kind.NOT_FOUND ? 404 : 400, r.code(), r.getMessage());
        }
    }
}
