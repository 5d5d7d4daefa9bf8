package io.loyaltyhub.hub.tools;

import io.loyaltyhub.domain.testing.Architecture;
import io.loyaltyhub.domain.testing.SlowTier;
import org.junit.jupiter.api.Test;

/** The test tiers of this module (docs/testing.md): what boots a hub, starts a process or needs MySQL carries the slow tag. */
@Architecture
class TestTiersTest {

    @Test
    void everyTestThatBootsAHubStartsAProcessOrNeedsTheMySqlServerIsTaggedSlow() {
        SlowTier.slowTestsAreTaggedSlow("io.loyaltyhub.hub").check(SlowTier.importCodeBase());
    }

    @Test
    void everyTestThatImportsClassesToCheckTheirStructureIsTaggedArchitecture() {
        SlowTier.architectureTestsAreTagged("io.loyaltyhub.hub").check(SlowTier.importCodeBase());
    }

    @Test
    void everyTestThatChangesWhatTheWholeJvmSharesHoldsItsLock() {
        SlowTier.sharedStateIsLocked("io.loyaltyhub.hub").check(SlowTier.importCodeBase());
    }
}
