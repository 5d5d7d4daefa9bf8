package io.loyaltyhub.hub.csv;

import io.loyaltyhub.hub.config.HubSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the file channels' folders are, and how long a node's claim on a dropped file lasts without renewal.
 *
 * @param dir {@code hub.inbox.dir}: the folder holding csv/ and poslog/ (inbox, done, error, results); blank: the
 *     data folder. Several nodes that share one inbox set it to the same shared folder.
 * @param claimLease {@code hub.inbox.claim-lease-seconds}: how long after a node stops (killed mid-file) another
 *     node takes its file over
 * @param nodeId {@code hub.node-id}, named in the claims' holder
 */
public record InboxSettings(Path dir, Duration claimLease, int nodeId) {
    public static InboxSettings from(HubSettings settings) {
        String dir = settings.text("hub.inbox.dir");
        return new InboxSettings(dir.isBlank() ? settings.dataDir() : Path.of(dir),
                settings.seconds("hub.inbox.claim-lease-seconds"), settings.integer("hub.node-id"));
    }
}
