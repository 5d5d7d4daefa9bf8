package io.loyaltyhub.hub.testing;

import io.loyaltyhub.domain.testing.Architecture;
import io.loyaltyhub.domain.testing.SlowTier;
import org.junit.jupiter.api.Test;

/** The test tiers of this module (docs/testing.md): what needs the slow tag carries it. */
@Architecture
class TestTiersTest {

    @Test
    void everyTestThatBootsAHubStartsAProcessOrABrokerOrNeedsTheMySqlServerIsTaggedSlow() {
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
