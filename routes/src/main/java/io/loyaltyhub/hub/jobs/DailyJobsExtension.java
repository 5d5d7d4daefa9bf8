package io.loyaltyhub.hub.jobs;

import io.loyaltyhub.domain.earn.Tiers;
import io.loyaltyhub.domain.expiry.PointsExpiry;
import io.loyaltyhub.domain.jobs.CoalitionJobs;
import io.loyaltyhub.domain.jobs.DailyJobs;
import io.loyaltyhub.domain.jobs.JobRuns;
import io.loyaltyhub.domain.persistence.Database;
import io.loyaltyhub.domain.persistence.IdGenerator;
import io.loyaltyhub.domain.settlement.PeriodClose;
import io.loyaltyhub.hub.ChannelPorts;
import io.loyaltyhub.hub.HubExtension;
import io.loyaltyhub.hub.config.HubSettings;
import io.loyaltyhub.hub.keys.HubStatementSigner;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.apache.camel.RoutesBuilder;

/**
 * The programme's daily jobs on this node (docs/operations.md, "Daily jobs"): points expiry, tier recompute and the
 * settlement period close, run from {@code hub.jobs.daily-at} (UTC) once a day each, by whichever node claims the
 * day's run first.
 */
public final class DailyJobsExtension implements HubExtension {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void checkSettings(HubSettings settings) {
        DailyJobsSettings.from(settings);
    }

    @Override
    public List<RoutesBuilder> routes(ChannelPorts ports) {
        DailyJobsSettings settings = DailyJobsSettings.from(ports.settings());
        if (settings.at().isEmpty()) {
            return List.of();
        }
        Database database = ports.database();
        IdGenerator ids = ports.ids();
        Clock clock = ports.clock();
        // A process of its own: a restarted node (same node id) waits for its earlier self's lease like any other.
        String node = "node-" + ports.settings().integer("hub.node-id") + "-" + HexFormat.of().formatHex(RANDOM.generateSeed(4));
        DailyJobs jobs = new DailyJobs(new JobRuns(database), List.of(
                CoalitionJobs.pointsExpiry(new PointsExpiry(database, ids, clock)),
                CoalitionJobs.tierRecompute(new Tiers(database, clock)),
                CoalitionJobs.periodClose(new PeriodClose(database, ids, clock, new HubStatementSigner(ports.keys())))),
                clock, node, new DailyJobs.Schedule(settings.at().get(), settings.lease(), settings.retryAfter()));
        return List.of(new DailyJobsRoute(jobs, settings.check(), ports.meters()));
    }
}
