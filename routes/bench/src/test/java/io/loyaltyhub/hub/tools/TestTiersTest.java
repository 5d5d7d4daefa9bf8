package io.loyaltyhub.hub.tools;

import io.loyaltyhub.domain.testing.SlowTier;
import org.junit.jupiter.api.Test;

/** The test tiers of this module (docs/testing.md): what boots a hub, starts a process or needs MySQL carries the slow tag. */
class TestTiersTest {

    @Test
    void everyTestThatBootsAHubStartsAProcessOrNeedsTheMySqlServerIsTaggedSlow() {
        SlowTier.slowTestsAreTaggedSlow("io.loyaltyhub.hub").check(SlowTier.importCodeBase());
    }
}
