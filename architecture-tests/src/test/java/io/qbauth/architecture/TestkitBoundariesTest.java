package io.qbauth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The transport test kit (auth-transport-testkit, issue 11 §4) in both directions: no production class of the SDK
 * uses it (the parent POM's enforcer rule keeps it out of every main-scope dependency list too), and it uses
 * auth-core's public packages only, like any third-party transport author's test would.
 */
@AnalyzeClasses(packages = "io.qbauth", importOptions = ImportOption.DoNotIncludeTests.class)
class TestkitBoundariesTest {

    static final String TESTKIT = "io.qbauth.testkit..";

    @ArchTest
    static final ArchRule no_production_code_uses_the_testkit = noClasses()
            .that().resideOutsideOfPackage(TESTKIT)
            .should().dependOnClassesThat().resideInAPackage(TESTKIT)
            .because("the test kit is a test fixture, depended on with scope test only");

    @ArchTest
    static final ArchRule the_testkit_uses_the_public_api_of_auth_core_only = classes()
            .that().resideInAPackage(TESTKIT)
            .should().onlyDependOnClassesThat().resideInAnyPackage(TESTKIT, Packages.ENTRY, Packages.DOMAIN,
                    Packages.CONFIG, Packages.EVENT, Packages.SPI, "java..", "javax..", "com.sun.net.httpserver..",
                    "org.junit..", "org.assertj..")
            .because("the kit tests a transport the way a third-party author does: through auth-core's public"
                    + " packages, never io.qbauth.internal, never another adapter");

    @ArchTest
    static final ArchRule the_testkit_never_reaches_internals = noClasses()
            .that().resideInAPackage(TESTKIT)
            .should().dependOnClassesThat().resideInAPackage(Packages.INTERNAL)
            .because("io.qbauth.internal is not API; auth-core may change it freely");

    @ArchTest
    static final ArchRule the_testkit_is_analyzed = classes()
            .that().resideInAPackage(TESTKIT).and().haveSimpleName("AuthTransportContract")
            .should().bePublic()
            .because("a rule over an empty package cannot fail: the kit's classes must be on this module's class path");
}
