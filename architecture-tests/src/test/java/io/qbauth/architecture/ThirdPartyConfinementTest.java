package io.qbauth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Each third-party library lives in exactly one adapter (ARCHITECTURE.md §8, rules 3 and 4), so choosing a
 * transport or a codec never drags another one in, and auth-core stays dependency-free.
 */
@AnalyzeClasses(packages = "io.qbauth", importOptions = ImportOption.DoNotIncludeTests.class)
class ThirdPartyConfinementTest {

    @ArchTest
    static final ArchRule core_uses_the_jdk_only = noClasses()
            .that().resideInAnyPackage(Packages.ENTRY, Packages.DOMAIN, Packages.CONFIG, Packages.EVENT,
                    Packages.SPI, Packages.INTERNAL)
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "io.vertx..", "io.netty..",
                    "io.micrometer..", "org.slf4j..", "java.net.http..", "io.lettuce..", "reactor..",
                    "org.springframework..")
            .because("auth-core has no dependency at all and leaves HTTP to the transports");

    @ArchTest
    static final ArchRule jackson_only_in_the_jackson_codec = noClasses()
            .that().resideOutsideOfPackage(Packages.ADAPTER_JACKSON)
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule vertx_only_in_the_vertx_transport_and_the_emulator = noClasses()
            .that().resideOutsideOfPackages(Packages.ADAPTER_VERTX, Packages.EMULATOR, Packages.SPRING_BOOT)
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..");

    @ArchTest
    static final ArchRule the_spring_boot_auto_configuration_only_hands_over_the_application_vertx = noClasses()
            .that().resideInAPackage(Packages.SPRING_BOOT)
            .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates
                    .resideInAnyPackage("io.vertx..", "io.netty..")
                    .and(com.tngtech.archunit.base.DescribedPredicate.not(
                            com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("io.vertx.core.Vertx"))))
            .because("HTTP over Vert.x is the Vert.x transport's; the auto-configuration only passes it the"
                    + " application's Vertx bean");

    @ArchTest
    static final ArchRule jdk_http_client_only_in_the_jdk_transport = noClasses()
            .that().resideOutsideOfPackage(Packages.ADAPTER_JDK)
            .and().resideOutsideOfPackage(Packages.EMULATOR)
            .should().dependOnClassesThat().resideInAPackage("java.net.http..");

    @ArchTest
    static final ArchRule micrometer_only_in_the_metrics_adapter = noClasses()
            .that().resideOutsideOfPackages(Packages.ADAPTER_METRICS, Packages.SPRING_BOOT)
            .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
            .because("the meters are the metrics adapter's; the Spring Boot auto-configuration only hands it the"
                    + " application's MeterRegistry");

    @ArchTest
    static final ArchRule spring_only_in_the_spring_boot_auto_configuration = noClasses()
            .that().resideOutsideOfPackage(Packages.SPRING_BOOT)
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("the SDK, its adapters and the emulator know nothing of Spring; auth-spring-boot wires them");

    @ArchTest
    static final ArchRule lettuce_only_in_the_redis_store = noClasses()
            .that().resideOutsideOfPackage(Packages.ADAPTER_REDIS)
            .should().dependOnClassesThat().resideInAnyPackage("io.lettuce..", "reactor..", "redis.clients..")
            .because("Redis (Lettuce, and Reactor and Netty under it) is the Redis store's business only");

    @ArchTest
    static final ArchRule the_redis_store_uses_lettuce_not_its_netty_or_reactor = noClasses()
            .that().resideInAPackage(Packages.ADAPTER_REDIS)
            .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "reactor..")
            .because("the store speaks Lettuce's async API; Netty stays the Vert.x transport's, Reactor unused");
}
