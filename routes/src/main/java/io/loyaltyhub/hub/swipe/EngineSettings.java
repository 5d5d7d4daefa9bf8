package io.loyaltyhub.hub.swipe;

import io.loyaltyhub.domain.txn.OccurredAtWindow;
import io.loyaltyhub.hub.config.HubSettings;
import java.time.Duration;

/**
 * The swipe queue's and the engine's settings, read and checked once at start.
 *
 * @param nodeId {@code hub.node-id}: this node's ids and reply queue
 * @param consumers {@code hub.engine.consumers}: engine batch consumers on the swipe queue
 * @param batchSize {@code hub.engine.batch-size}: swipes credited per database transaction, at most
 * @param occurredAt {@code hub.engine.future-tolerance-minutes} and {@code max-age-days}: the times the engine takes
 * @param overloadedAfter {@code hub.swipe.overloaded-after-ms}: a swipe not confirmed stored by then is refused as
 *     "overloaded, send it again"
 * @param drain {@code hub.shutdown.drain-seconds}: how long a graceful stop waits for swipes already taken
 */
public record EngineSettings(int nodeId, int consumers, int batchSize, OccurredAtWindow occurredAt, Duration overloadedAfter,
                             Duration drain) {
    public static EngineSettings from(HubSettings settings) {
        return new EngineSettings(settings.integer("hub.node-id"), settings.positive("hub.engine.consumers"),
                settings.positive("hub.engine.batch-size"),
                OccurredAtWindow.of(settings.integer("hub.engine.future-tolerance-minutes"), settings.integer("hub.engine.max-age-days")),
                settings.millis("hub.swipe.overloaded-after-ms"), settings.seconds("hub.shutdown.drain-seconds"));
    }
}
