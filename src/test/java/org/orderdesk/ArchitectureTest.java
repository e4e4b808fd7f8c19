package org.orderdesk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine and the services stay free of UI code, so that tests and other nodes can use them;
 * no package depends on itself through others.
 */
@AnalyzeClasses(packages = "org.orderdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule lockEngineImportsNothingFromVaadin = noClasses()
            .that()
            .resideInAnyPackage("org.orderdesk.lock", "org.orderdesk.lock.web", "org.orderdesk.event")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.vaadin..");

    @ArchTest
    static final ArchRule orderServicesImportNothingFromVaadin = noClasses()
            .that()
            .resideInAnyPackage("org.orderdesk.order", "org.orderdesk.order.validation")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.vaadin..");

    @ArchTest
    static final ArchRule preferencesImportNothingFromVaadin = noClasses()
            .that()
            .resideInAPackage("org.orderdesk.preferences")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.vaadin..");

    @ArchTest
    static final ArchRule theLockEngineDoesNotKnowAboutOrders = noClasses()
            .that()
            .resideInAPackage("org.orderdesk.lock")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.orderdesk.order..");

    /** Each package can be understood, tested and changed starting from the ones it uses. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("org.orderdesk.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theLockEngineAsksSecurityThroughItsOwnInterfaces = noClasses()
            .that()
            .resideInAPackage("org.orderdesk.lock")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.orderdesk.security..");

    /** The relay carries events without knowing what they are about: orders and locks know nothing of nodes. */
    @ArchTest
    static final ArchRule theClusterRelayKnowsOnlyEvents = noClasses()
            .that()
            .resideInAPackage("org.orderdesk.cluster..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.orderdesk..")
                    .and(not(resideInAnyPackage("org.orderdesk.cluster..", "org.orderdesk.event.."))));

    @ArchTest
    static final ArchRule theLockEngineKnowsNoUiOrWebAdapter = noClasses()
            .that()
            .resideInAPackage("org.orderdesk.lock")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..ui..", "..web..");
}
