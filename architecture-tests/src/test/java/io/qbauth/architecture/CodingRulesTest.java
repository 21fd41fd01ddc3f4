package io.qbauth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.GeneralCodingRules.OLD_DATE_AND_TIME_CLASSES_SHOULD_NOT_BE_USED;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Coding rules for every production class (ARCHITECTURE.md §8, rules 8 and 9). */
@AnalyzeClasses(packages = "io.qbauth", importOptions = ImportOption.DoNotIncludeTests.class)
class CodingRulesTest {

    @ArchTest
    static final ArchRule library_code_never_prints_to_the_console = noClasses()
            .that().haveSimpleNameNotEndingWith("Main")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("library code logs through System.Logger; only a command-line main may print");

    @ArchTest
    static final ArchRule no_generic_exceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule no_java_util_logging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule no_old_date_and_time = OLD_DATE_AND_TIME_CLASSES_SHOULD_NOT_BE_USED;

    @ArchTest
    static final ArchRule sdk_exceptions_extend_auth_exception = classes()
            .that().haveSimpleNameEndingWith("Exception")
            .and().arePublic()
            .and().resideOutsideOfPackage(Packages.EMULATOR)
            .and().doNotHaveFullyQualifiedName(Packages.STORE_SIGNALS.get(0))
            .and().doNotHaveFullyQualifiedName(Packages.STORE_SIGNALS.get(1))
            .should().beAssignableTo("io.qbauth.domain.AuthException")
            .because("callers handle one sealed exception tree (private control-flow exceptions inside an adapter"
                    + " never reach them)");

    @ArchTest
    static final ArchRule store_signals_stay_between_store_and_core = noClasses()
            .that().resideInAnyPackage(Packages.ENTRY, Packages.DOMAIN, Packages.CONFIG, Packages.EVENT)
            .should().dependOnClassesThat().haveFullyQualifiedName(Packages.STORE_SIGNALS.get(0))
            .orShould().dependOnClassesThat().haveFullyQualifiedName(Packages.STORE_SIGNALS.get(1))
            .because("store failures are handled inside the SDK (local fallback); an application never sees them");

    @ArchTest
    static final ArchRule sdk_methods_are_not_synchronized = noMethods()
            .that().areDeclaredInClassesThat().resideOutsideOfPackage(Packages.EMULATOR)
            .should().haveModifier(JavaModifier.SYNCHRONIZED)
            .because("on Java 21 a monitor held across I/O pins the carrier of a virtual thread;"
                    + " the SDK uses CAS and java.util.concurrent locks instead");

    @ArchTest
    static final ArchRule sdk_never_waits_on_a_monitor = noClasses()
            .that().resideOutsideOfPackage(Packages.EMULATOR)
            .should().callMethod(Object.class, "wait")
            .orShould().callMethod(Object.class, "wait", long.class)
            .because("Object.wait needs a monitor, which pins a virtual thread");
}
