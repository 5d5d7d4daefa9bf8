package io.loyaltyhub.hub.broker.terminals;

import io.loyaltyhub.domain.terminal.TerminalDirectory;
import io.loyaltyhub.domain.terminal.TerminalIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Terminals by merchant and terminal code, remembered for the terminal cache's TTL so that a swipe costs no
 * database round trip, as for HTTP: a terminal the operator disables stops being served within that time even
 * while its broker connection stays open. Deliberately across merchants: the pair comes from the broker login.
 */
final class RecentTerminals {
    private record Entry(Optional<TerminalIdentity> terminal, Instant loadedAt) {
    }

    private final TerminalDirectory directory;
    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentHashMap<String, Entry> byCodes = new ConcurrentHashMap<>();

    RecentTerminals(TerminalDirectory directory, Clock clock, Duration ttl) {
        this.directory = directory;
        this.clock = clock;
        this.ttl = ttl;
    }

    Optional<TerminalIdentity> find(String merchantCode, String terminalCode) {
        String key = merchantCode + "." + terminalCode;
        Entry entry = byCodes.get(key);
        if (entry == null || entry.loadedAt().plus(ttl).isBefore(clock.instant())) {
            entry = new Entry(directory.findTerminalAcrossMerchants(merchantCode, terminalCode), clock.instant());
            byCodes.put(key, entry);
        }
        return entry.terminal();
    }
}
