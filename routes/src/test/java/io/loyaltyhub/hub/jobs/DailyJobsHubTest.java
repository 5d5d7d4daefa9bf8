package io.loyaltyhub.hub.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.loyaltyhub.domain.testing.Slow;
import io.loyaltyhub.hub.HubFixture;
import io.loyaltyhub.hub.cli.HubCommandRun;
import io.loyaltyhub.hub.cli.HubExtensions;
import io.loyaltyhub.hub.portal.PortalClient;
import io.loyaltyhub.hub.portal.PortalExtension;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * A running hub makes the day's runs of its daily jobs by itself (here due from 00:00, looked for every second),
 * records them, and shows them in the operator console, to the {@code jobs} command and on /metrics; a wrong time of day stops
 * the start with the setting's name.
 */
@Slow
@ResourceLock(Resources.SYSTEM_OUT)
class DailyJobsHubTest {
    private static final String PASSWORD = "console password 1";

    @Test
    void aRunningHubMakesTheDaysRunsOfItsDailyJobsAndShowsThem() {
        PortalExtension portal = new PortalExtension();
        try (HubFixture fixture = HubFixture.start(Map.of("hub.jobs.daily-at", "00:00", "hub.jobs.check-seconds", "1"),
                List.of(new DailyJobsExtension(), portal))) {
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            await().atMost(Duration.ofSeconds(60)).until(() -> fixture.queryLong(
                    "SELECT COUNT(*) FROM job_run WHERE status = 'DONE'") == 3);
            portal.operatorUsers().add("olga", "Olga Ng", PASSWORD, false);
            PortalClient console = new PortalClient(fixture.baseUrl());
            assertThat(console.operatorSignIn("olga", PASSWORD, null).statusCode()).isEqualTo(303);

            String overview = console.get("/portal/operator/").body();
            String metrics = new PortalClient(fixture.baseUrl()).get("/metrics").body();
            HubCommandRun listed = HubCommandRun.of("jobs", "-s", "hub.data-dir=" + fixture.dataDir());

            assertThat(fixture.queryLong("SELECT COUNT(*) FROM job_run WHERE run_day = ?", LocalDate.parse(today)))
                    .as("one run a job, today").isEqualTo(3);
            assertThat(overview).contains("<td>" + today + "</td><td>points-expiry</td><td>done</td>")
                    .contains("<td>tier-recompute</td><td>done</td>")
                    .contains("<td>nothing to close: no-settlement-terms</td>");
            assertThat(metrics).as("for alerting").contains("hub_jobs_runs_total{job=\"period-close\",outcome=\"done\"} 1.0")
                    .contains("hub_jobs_runs_total{job=\"points-expiry\",outcome=\"done\"} 1.0");
            assertThat(listed.exitCode()).as(listed.err()).isZero();
            assertThat(listed.out()).contains("period-close").contains("points-expiry").contains("tier-recompute")
                    .contains("0 point(s) expired on 0 account(s)").contains("no tier is defined");
        }
    }

    @Test
    void theExecutableHubRunsTheDailyJobsAndAWrongTimeOfDayStopsItsStart() {
        assertThat(HubExtensions.all()).hasAtLeastOneElementOfType(DailyJobsExtension.class);
        assertThatThrownBy(() -> HubFixture.start(Map.of("hub.jobs.daily-at", "25:00"),
                List.of(new DailyJobsExtension())).close())
                .hasMessageContaining("hub.jobs.daily-at").hasMessageContaining("HH:MM").hasMessageContaining("25:00");
    }
}
