package io.qbauth.architecture;

import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagonal layering of the SDK (ARCHITECTURE.md §1 and §8): domain in the middle, ports and application
 * services around it, adapters outside, and no adapter that knows another one.
 */
@AnalyzeClasses(packages = "io.qbauth", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringRulesTest {

    @ArchTest
    static final ArchRule onion_layers_point_inwards = onionArchitecture()
            .domainModels(Packages.DOMAIN)
            .applicationServices(Packages.ENTRY, Packages.CONFIG, Packages.EVENT, Packages.SPI, Packages.INTERNAL)
            .adapter("jackson", Packages.ADAPTER_JACKSON)
            .adapter("jdk", Packages.ADAPTER_JDK)
            .adapter("vertx", Packages.ADAPTER_VERTX)
            .adapter("micrometer", Packages.ADAPTER_METRICS)
            .adapter("testkit", TestkitBoundariesTest.TESTKIT)
            .adapter("redis", Packages.ADAPTER_REDIS)
            .withOptionalLayers(true)
            // the Spring Boot auto-configuration is the composition root of an application: it wires the client and
            // the adapters the application has (ThirdPartyConfinementTest bounds what it may touch of each)
            .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                    Packages.SPRING_BOOT), com.tngtech.archunit.base.DescribedPredicate.alwaysTrue())
            .because("adapters plug into ports; they never use each other (metrics wraps the AuthTransport port,"
                    + " never JdkAuthTransport; the transport test kit tests the port, never a transport)");

    @ArchTest
    static final ArchRule domain_depends_on_the_jdk_only = classes()
            .that().resideInAPackage(Packages.DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(Packages.DOMAIN, "java..")
            .because("the domain is plain Java");

    @ArchTest
    static final ArchRule ports_never_reach_internals = noClasses()
            .that().resideInAnyPackage(Packages.SPI, Packages.DOMAIN, Packages.CONFIG, Packages.EVENT)
            .should().dependOnClassesThat().resideInAPackage(Packages.INTERNAL)
            .because("public contracts must not expose implementation classes");

    @ArchTest
    static final ArchRule what_applications_read_never_sends_them_to_the_spi = noClasses()
            .that().resideInAnyPackage(Packages.DOMAIN, Packages.CONFIG, Packages.EVENT)
            .should().dependOnClassesThat().resideInAPackage(Packages.SPI)
            .because("io.qbauth.spi is for transport and codec implementers; configuring the client and listening to"
                    + " it must not send an application there (issue 11, section 2)");

    @ArchTest
    static final ArchRule internals_stay_inside_auth_core = noClasses()
            .that().resideOutsideOfPackages(Packages.ENTRY, Packages.DOMAIN, Packages.CONFIG, Packages.EVENT,
                    Packages.SPI, Packages.INTERNAL)
            .should().dependOnClassesThat().resideInAPackage(Packages.INTERNAL)
            .because("adapters use the public SPI only, so auth-core may change its internals freely");

    @ArchTest
    static final ArchRule the_sdk_and_the_emulator_share_only_the_protocol = noClasses()
            .that().resideInAPackage(Packages.EMULATOR)
            .should().dependOnClassesThat().resideOutsideOfPackages(Packages.EMULATOR, "java..", "javax..",
                    "io.vertx..", "io.netty..", "org.junit..")
            .because("the emulator implements the wire protocol on its own; reusing SDK code (the signer above all)"
                    + " would hide a shared bug on both sides");

    @ArchTest
    static final ArchRule no_sdk_class_uses_the_emulator = noClasses()
            .that().resideOutsideOfPackage(Packages.EMULATOR)
            .should().dependOnClassesThat().resideInAPackage(Packages.EMULATOR)
            .because("the emulator is a test and load-test tool, never a runtime dependency of the SDK");

    @ArchTest
    static final ArchRule top_level_packages_are_free_of_cycles = slices()
            .matching("io.qbauth.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule emulator_packages_are_free_of_cycles = slices()
            .assignedFrom(EmulatorPackages.EACH)
            .should().beFreeOfCycles()
            .ignoreDependency(EmulatorPackages.FACADES, EmulatorPackages.INTERNALS)
            .because("each emulator package (its API, the CLI, the JUnit extension, each internal part) must be"
                    + " understandable on its own; only the API's facades (QbEmulator and its builder,"
                    + " EmulatorFaults) may reach into the internals that implement them");

    @ArchTest
    static final ArchRule adapter_packages_are_free_of_cycles = slices()
            .matching("io.qbauth.adapter.(**)")
            .should().beFreeOfCycles();
}
