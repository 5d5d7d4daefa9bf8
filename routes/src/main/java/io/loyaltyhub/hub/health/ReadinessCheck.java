package io.loyaltyhub.hub.health;

import java.util.Optional;

/**
 * Something the hub needs in order to serve traffic, asked whether it can right now. Registered with
 * {@link Readiness} at start; {@code GET /health/ready} fails (503) while any check reports a problem.
 * {@link #problem()} must answer at once from what the check already knows (no I/O: a check that needs a round trip
 * runs it in the background, see {@link PeriodicProbe}); one that takes longer than {@link Readiness#ANSWER_WITHIN}
 * counts as failing.
 */
public interface ReadinessCheck {

    /** Short, stable, lowercase: {@code database}, {@code broker}, {@code engine}. */
    String name();

    /** Empty while ready; otherwise what is wrong, in a sentence for the operator (never card data or secrets). */
    Optional<String> problem();
}
