package io.loyaltyhub.hub.architecture;

import io.loyaltyhub.domain.testing.Architecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The hub is the product; the POS simulator (pos-adapters/simulator) and the benchmark and chaos suite (routes/bench)
 * are tools that drive it from outside. The hub's own code uses none of them nor their test clients (the tests here
 * may: they play the terminals).
 */
@Architecture
class HubWithoutToolsTest {
    private final JavaClasses hub = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.loyaltyhub.hub");

    @Test
    void theHubUsesNoToolNorTestClient() {
        noClasses().that().resideInAPackage("io.loyaltyhub.hub..")
                .should().dependOnClassesThat().resideInAnyPackage("io.loyaltyhub.adapters.simulator..",
                        "io.loyaltyhub.hub.bench..", "io.loyaltyhub.hub.chaos..", "io.loyaltyhub.hub.tools..",
                        "org.HdrHistogram..", "org.eclipse.paho..")
                .check(hub);
    }
}
