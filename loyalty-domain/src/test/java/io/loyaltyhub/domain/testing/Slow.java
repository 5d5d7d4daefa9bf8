package io.loyaltyhub.domain.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * The slow test tier: a test class that boots a whole hub, starts a child process or a broker, or needs the
 * MySQL-compatible server (see {@link SlowTier#SLOW_CALLS}). {@code ./mvnw -B -o -Pfast test} leaves these out;
 * {@code ./mvnw -B verify} runs every tier. A class inherits the tag from a suite it extends. Each module's
 * {@code TestTiersTest} fails when a test class reaches one of those calls without it (docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@Tag(Slow.TAG)
public @interface Slow {
    /** The JUnit tag, for Maven's {@code groups} / {@code excludedGroups} and IDE filters. */
    String TAG = "slow";
}
