package io.qbauth.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.qbauth.emulator.internal.http.cyclea.HandlerA;
import io.qbauth.emulator.internal.http.cycleb.HandlerB;
import org.junit.jupiter.api.Test;

/**
 * The parts of the emulator's HTTP layer ({@code io.qbauth.emulator.internal.http.*}, issue 11 §5) point downwards:
 * the assembly wires everything; the QuickBlox endpoints and the control endpoints know neither each other nor how
 * connections are handled; fault injection and request reading sit on the rendering layer; the journal is at the
 * bottom. Each part is also a slice of {@link LayeringRulesTest#emulator_packages_are_free_of_cycles}.
 */
@AnalyzeClasses(packages = "io.qbauth", importOptions = ImportOption.DoNotIncludeTests.class)
class EmulatorHttpLayersTest {

    private static final String HTTP = "io.qbauth.emulator.internal.http";

    @ArchTest
    static final ArchRule emulator_http_parts_are_layered = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Assembly").definedBy(HTTP)
            .layer("QuickBlox endpoints").definedBy(HTTP + ".endpoints..")
            .layer("Control endpoints").definedBy(HTTP + ".control..")
            .layer("Connections").definedBy(HTTP + ".connections..")
            .layer("Faults").definedBy(HTTP + ".faults..")
            .layer("Requests").definedBy(HTTP + ".requests..")
            .layer("Rendering").definedBy(HTTP + ".rendering..")
            .layer("Journal").definedBy(HTTP + ".journal..")
            .whereLayer("Assembly").mayNotBeAccessedByAnyLayer()
            .whereLayer("QuickBlox endpoints").mayOnlyBeAccessedByLayers("Assembly")
            .whereLayer("Control endpoints").mayOnlyBeAccessedByLayers("Assembly")
            .whereLayer("Connections").mayOnlyBeAccessedByLayers("Assembly")
            .whereLayer("Faults").mayOnlyBeAccessedByLayers("Assembly", "QuickBlox endpoints")
            .whereLayer("Requests").mayOnlyBeAccessedByLayers("Assembly", "QuickBlox endpoints", "Control endpoints")
            .whereLayer("Rendering").mayOnlyBeAccessedByLayers("Assembly", "QuickBlox endpoints",
                    "Control endpoints", "Faults", "Requests")
            .whereLayer("Journal").mayOnlyBeAccessedByLayers("Assembly", "QuickBlox endpoints", "Control endpoints",
                    "Requests", "Rendering")
            .because("an endpoint is read without knowing connections or the other group of endpoints, and a lower"
                    + " part (how replies are written, how requests are read) never knows who uses it");

    /**
     * The cycle rule sees the parts of {@code internal.http} as slices of their own: two fixture classes in two
     * sibling subpackages that use each other (test classes, so invisible to the rules above) break it.
     */
    @Test
    void the_cycle_rule_catches_a_cycle_between_two_http_parts() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(HandlerA.class, HandlerB.class);

        EvaluationResult result = LayeringRulesTest.emulator_packages_are_free_of_cycles.evaluate(fixtures);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(HTTP + ".cyclea", HTTP + ".cycleb");
    }
}
