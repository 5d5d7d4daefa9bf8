package io.loyaltyhub.hub.swipe;

import io.loyaltyhub.domain.card.CardCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** The card catalog as the edge sees it: reloaded from the database when older than the refresh interval. */
public final class RefreshingCardCatalog implements Supplier<CardCatalog> {
    private record Snapshot(CardCatalog catalog, Instant loadedAt) {
    }

    private final Supplier<CardCatalog> loader;
    private final Clock clock;
    private final Duration refreshAfter;
    private volatile Snapshot snapshot;

    public RefreshingCardCatalog(Supplier<CardCatalog> loader, Clock clock, Duration refreshAfter) {
        this.loader = loader;
        this.clock = clock;
        this.refreshAfter = refreshAfter;
    }

    @Override
    public CardCatalog get() {
        Snapshot current = snapshot;
        if (current == null || current.loadedAt().plus(refreshAfter).isBefore(clock.instant())) {
            current = reload();
        }
        return current.catalog();
    }

    public synchronized Snapshot reload() {
        snapshot = new Snapshot(loader.get(), clock.instant());
        return snapshot;
    }
}
