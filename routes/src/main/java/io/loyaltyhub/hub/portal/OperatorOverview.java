package io.loyaltyhub.hub.portal;

import io.loyaltyhub.domain.admin.OperatorDirectory;
import io.loyaltyhub.domain.admin.OperatorQueries;
import io.loyaltyhub.domain.jobs.JobRuns;
import io.loyaltyhub.domain.portal.OperatorUser;
import io.loyaltyhub.domain.portal.SessionStore;
import io.loyaltyhub.hub.health.HubVitals;
import io.loyaltyhub.hub.health.Readiness;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * The console's first page, /portal/operator/: this node's health (the checks of /health/ready) and throughput (the
 * counts of /metrics), every merchant, each a link to its stores, terminals and refusals, and the latest runs of
 * the daily jobs (any node's).
 */
final class OperatorOverview extends PortalStep {
    static final int JOB_RUNS_SHOWN = 10;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final OperatorConsolePages console;
    private final OperatorDirectory directory;
    private final HubVitals vitals;
    private final JobRuns jobRuns;

    OperatorOverview(OperatorConsolePages console, OperatorDirectory directory, HubVitals vitals, JobRuns jobRuns) {
        this.console = console;
        this.directory = directory;
        this.vitals = vitals;
        this.jobRuns = jobRuns;
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
        OperatorConsolePages.Rows jobs = new OperatorConsolePages.Rows();
        List<JobRuns.Run> runs = jobRuns.recent(JOB_RUNS_SHOWN);
        for (JobRuns.Run r : runs) {
            jobs.row(r.day().toString(), r.job(), words.get("console.job." + r.status().name()), r.node(),
                    WHEN.format(r.startedAt()), r.outcome() == null ? "" : r.outcome());
        }
        jobs.emptyUnless(!runs.isEmpty(), 6, words.get("console.none"));
        Map<String, String> values = new HashMap<>();
        values.put("jobs", jobs.toString());
        values.put("health", health.toString());
        values.put("throughput", throughput.toString());
        values.put("merchants", merchants.toString());
        console.show(exchange, 200, "operator-overview.html", OperatorConsolePages.HOME, session.get(), values);
    }
}
