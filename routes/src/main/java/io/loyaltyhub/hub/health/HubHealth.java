package io.loyaltyhub.hub.health;

import io.loyaltyhub.domain.persistence.DatabaseConfig;
import io.loyaltyhub.hub.broker.BrokerLogin;
import io.loyaltyhub.hub.config.HubSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub's own readiness checks — {@code database}, {@code broker}, {@code engine} — registered with a
 * {@link Readiness} and probed in the background until closed (docs/operations.md).
 */
public final class HubHealth implements AutoCloseable {
    private final List<AutoCloseable> probes = new ArrayList<>();

    private HubHealth() {
    }

    /**
     * @param brokerUrl the broker the hub's own connections use ({@code vm://0} for the embedded one)
     */
    public static HubHealth start(HubSettings settings, Readiness readiness, DatabaseConfig database, String brokerUrl,
                                  BrokerLogin brokerLogin) {
        Clock clock = Clock.systemUTC();
        Duration interval = settings.millis("hub.health.probe-interval-ms");
        Duration timeout = settings.millis("hub.health.probe-timeout-ms");
        HubHealth health = new HubHealth();
        PeriodicProbe db = new PeriodicProbe("database", new DatabaseProbe(database, timeout), interval, timeout, clock);
        SwipeQueueProbe queue = new SwipeQueueProbe(brokerUrl, brokerLogin, timeout, clock);
        PeriodicProbe broker = new PeriodicProbe("broker", queue, interval, timeout, clock);
        readiness.register(db);
        readiness.register(broker);
        readiness.register(new EngineLagCheck(queue, Duration.ofSeconds(settings.integer("hub.health.max-engine-lag-seconds")),
                interval.multipliedBy(3).plus(timeout), clock));
        health.probes.add(db.start());
        health.probes.add(broker.start());
        return health;
    }

    @Override
    public void close() {
        for (AutoCloseable probe : probes) {
            try {
                probe.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        probes.clear();
    }
}
