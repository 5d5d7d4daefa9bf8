package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.admin.OperatorDirectory;
import io.loyaltyhub.domain.admin.OperatorQueries;
import io.loyaltyhub.domain.portal.OperatorUser;
import io.loyaltyhub.domain.portal.SessionStore;
import io.loyaltyhub.hub.health.HubVitals;
import io.loyaltyhub.hub.health.Readiness;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * The console's first page, /portal/operator/: this node's health (the checks of /health/ready) and throughput (the
 * counts of /metrics), and every merchant, each a link to its stores, terminals and refusals.
 */
final class OperatorOverview extends PortalStep {
    private final OperatorConsolePages console;
    private final OperatorDirectory directory;
    private final HubVitals vitals;

    OperatorOverview(OperatorConsolePages console, OperatorDirectory directory, HubVitals vitals) {
        this.console = console;
        this.directory = directory;
        this.vitals = vitals;
    }

    @Override
    void handle(Exchange exchange) {
        Optional<SessionStore.Session<OperatorUser>> session = console.sessionOrSignIn(exchange);
        if (session.isEmpty()) {
            return;
        }
        Map<String, String> words = console.messages(exchange.getMessage());
        OperatorConsolePages.Rows health = new OperatorConsolePages.Rows();
        for (Readiness.Result check : vitals.health()) {
            health.row(check.name(), check.problem().map(p -> words.get("console.health.problem") + " " + p)
                    .orElse(words.get("console.health.up")));
        }
        HubVitals.Throughput t = vitals.throughput();
        OperatorConsolePages.Rows throughput = new OperatorConsolePages.Rows()
                .row(words.get("console.uptime"), t.uptime().toSeconds() + " s")
                .row(words.get("console.swipes-sent"), Long.toString(t.swipesSent()))
                .row(words.get("console.applied"), Long.toString(t.transactionsApplied()))
                .row(words.get("console.applied-per-second"), Long.toString(t.appliedPerSecond()))
                .row(words.get("console.batches"), Long.toString(t.batchesCommitted()))
                .row(words.get("console.refused-overloaded"), Long.toString(t.refusedOverloaded()))
                .row(words.get("console.engine-lag"), t.engineLagMillis() + " ms");
        StringBuilder merchants = new StringBuilder();
        for (OperatorQueries.MerchantRow m : directory.merchants()) {
            merchants.append("<tr><td><a href=\"").append(PortalPages.escape(OperatorConsolePages.MERCHANTS + m.code()))
                    .append("\">").append(PortalPages.escape(m.code())).append("</a></td><td>")
                    .append(PortalPages.escape(m.name())).append("</td><td>").append(PortalPages.escape(m.status()))
                    .append("</td></tr>\n");
        }
        Map<String, String> values = new HashMap<>();
        values.put("health", health.toString());
        values.put("throughput", throughput.toString());
        values.put("merchants", merchants.toString());
        console.show(exchange, 200, "operator-overview.html", OperatorConsolePages.HOME, session.get(), values);
    }
}
