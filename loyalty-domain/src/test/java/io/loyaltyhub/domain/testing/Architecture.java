package io.loyaltyhub.domain.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * The architecture rules (ArchUnit): a test class that imports this code base's classes to check their structure.
 * They test no behaviour and each import takes seconds, so the fast tier ({@code -Pfast}) leaves them out and the
 * full build ({@code verify}, CI) runs them; {@code ./mvnw -B -o test -Dgroups=architecture} runs them alone. Each
 * module's {@code TestTiersTest} fails when a test class imports classes without this tag (docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@Tag(Architecture.TAG)
public @interface Architecture {
    /** The JUnit tag, for Maven's {@code groups} / {@code excludedGroups} and IDE filters. */
    String TAG = "architecture";
}
