package io.loyaltyhub.domain.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The test tiers of this module (docs/testing.md): what needs the slow tag carries it. */
@Architecture
class TestTiersTest {

    @Test
    void everyTestThatStartsAProcessABrokerOrAHubOrNeedsTheMySqlServerIsTaggedSlow() {
        SlowTier.slowTestsAreTaggedSlow("io.loyaltyhub.domain").check(SlowTier.importCodeBase());
    }

    @Test
    void everyTestThatImportsClassesToCheckTheirStructureIsTaggedArchitecture() {
        SlowTier.architectureTestsAreTagged("io.loyaltyhub.domain").check(SlowTier.importCodeBase());
    }

    @Test
    void theGuardFollowsHelpersLambdasAnonymousClassesAndSuitesAndTakesTheTagFromASuite() {
        List<Class<?>> examples = List.of(ReachesThroughAHelper.class, ReachesInALambda.class,
                ReachesThroughALambdaInAHelper.class, ReachesThroughAnAnonymousClass.class, ExtendsASuiteThatReaches.class,
                TaggedAndReaches.class, ExtendsATaggedSuite.class, UsesOnlyAHarmlessMethodOfTheHelper.class);
        JavaClasses imported = new ClassFileImporter().importPackagesOf(TestTiersTest.class);
        EvaluationResult result = classes().that(DescribedPredicate.describe("are the examples", c -> examples.contains(c.reflect())))
                .should(SlowTier.beTaggedSlowWhenTheyReach(List.of(
                        new SlowTier.SlowCall(StandInHub.class.getName(), "start", "stands in for a hub"))))
                .evaluate(imported);

        Set<String> flagged = result.getFailureReport().getDetails().stream()
                .map(line -> line.substring(0, line.indexOf(' '))).map(name -> name.substring(name.lastIndexOf('$') + 1))
                .collect(Collectors.toSet());
        assertThat(flagged).containsExactlyInAnyOrder("ReachesThroughAHelper", "ReachesInALambda",
                "ReachesThroughALambdaInAHelper", "ReachesThroughAnAnonymousClass", "ExtendsASuiteThatReaches");
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line).contains(
                "TestTiersTest$ReachesThroughAHelper.run() -> TestTiersTest$Helper.startsTheHub() -> TestTiersTest$StandInHub.start"));
    }

    // Examples for the guard. They are not tests: nothing runs them, the guard only reads their code.

    static final class StandInHub {
        static void start() {
        }
    }

    static final class Helper {
        static void startsTheHub() {
            StandInHub.start();
        }

        static void startsItLater() {
            Runnable later = () -> StandInHub.start();
            later.run();
        }

        static int harmless() {
            return 1;
        }
    }

    static class ReachesThroughAHelper {
        void run() {
            Helper.startsTheHub();
        }
    }

    static class ReachesInALambda {
        void run() {
            Runnable start = () -> StandInHub.start();
            start.run();
        }
    }

    static class ReachesThroughALambdaInAHelper {
        void run() {
            Helper.startsItLater();
        }
    }

    static class ReachesThroughAnAnonymousClass {
        void run() {
            new Thread() {
                @Override
                public void run() {
                    StandInHub.start();
                }
            }.start();
        }
    }

    abstract static class SuiteThatReaches {
        void setUp() {
            StandInHub.start();
        }
    }

    static class ExtendsASuiteThatReaches extends SuiteThatReaches {
    }

    @Slow
    static class TaggedAndReaches {
        void run() {
            StandInHub.start();
        }
    }

    @Slow
    abstract static class TaggedSuite {
        void setUp() {
            Helper.startsTheHub();
        }
    }

    static class ExtendsATaggedSuite extends TaggedSuite {
    }

    static class UsesOnlyAHarmlessMethodOfTheHelper {
        int run() {
            return Helper.harmless();
        }
    }

    @Test
    void everyTestThatChangesWhatTheWholeJvmSharesHoldsItsLock() {
        SlowTier.sharedStateIsLocked("io.loyaltyhub.domain").check(SlowTier.importCodeBase());
    }
}
