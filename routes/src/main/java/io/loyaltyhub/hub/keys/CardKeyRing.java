package io.loyaltyhub.hub.keys;

import io.loyaltyhub.domain.crypto.CardTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card key versions this hub node holds, newest first, as the edge tokenizes with them. The keystore file is
 * looked at again at most every {@code checkEvery}: when it changed (keys-rotate-card-key, or the operator copied
 * a new keystore to this node), the card keys are read again, so a running node learns of a new card key version
 * without a restart and finds cards that keys-rekey-cards has moved to it (docs/security.md, "Card key rotation").
 * A keystore that cannot be read at that moment (half copied, say) leaves the keys as they were.
 */
public final class CardKeyRing implements Supplier<List<CardTokenizer>> {
    private static final Logger log = LoggerFactory.getLogger(CardKeyRing.class);

    private record Held(List<CardTokenizer> tokenizers, FileTime modified, Instant checkedAt) {
    }

    private final Path file;
    private final Supplier<HubKeyStore> reopen;
    private final Clock clock;
    private final Duration checkEvery;
    private volatile Held held;

    public CardKeyRing(HubKeyStore keys, Supplier<HubKeyStore> reopen, Clock clock, Duration checkEvery) {
        this.file = keys.file();
        this.reopen = reopen;
        this.clock = clock;
        this.checkEvery = checkEvery;
        this.held = new Held(tokenizers(keys), modified(), clock.instant());
    }

    /** Newest first: the current version, then the earlier ones still held. */
    public static List<CardTokenizer> tokenizers(HubKeyStore keys) {
        NavigableMap<Integer, byte[]> versions = keys.cardKeys().descendingMap();
        return versions.entrySet().stream().map(e -> new CardTokenizer(e.getValue(), e.getKey())).toList();
    }

    @Override
    public List<CardTokenizer> get() {
        Held now = held;
        if (now.checkedAt().plus(checkEvery).isBefore(clock.instant())) {
            now = check(now);
        }
        return now.tokenizers();
    }

    private synchronized Held check(Held seen) {
        if (held != seen) {
            return held; // another thread has just looked
        }
        FileTime modified = modified();
        Held next;
        if (modified == null || modified.equals(seen.modified())) {
            next = new Held(seen.tokenizers(), seen.modified(), clock.instant());
        } else {
            next = reload(seen, modified);
        }
        held = next;
        return next;
    }

    private Held reload(Held seen, FileTime modified) {
        try {
            List<CardTokenizer> tokenizers = tokenizers(reopen.get());
            log.info("keystore {} changed: card key versions held now {} (current {})", file,
                    tokenizers.stream().map(CardTokenizer::keyVersion).toList(), tokenizers.get(0).keyVersion());
            return new Held(tokenizers, modified, clock.instant());
        } catch (RuntimeException e) {
            log.warn("keystore {} changed but could not be read ({}); keeping card key versions {}", file, e.getMessage(),
                    seen.tokenizers().stream().map(CardTokenizer::keyVersion).toList());
            return new Held(seen.tokenizers(), seen.modified(), clock.instant());
        }
    }

    private FileTime modified() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }
}
