package org.qualitybenchmark;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module boundaries: the process engine is reached only through the workflow adapter (so a
 * move to Operaton changes one package), and the concept packages do not depend on each other in
 * cycles.
 */
@AnalyzeClasses(packages = "org.qualitybenchmark", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule camundaStaysInsideTheWorkflowAdapter = noClasses()
            .that().resideOutsideOfPackage("org.qualitybenchmark.workflow..")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.operaton..")
            .because("the engine is reached only through org.qualitybenchmark.workflow");

    @ArchTest
    static final ArchRule conceptPackagesAreFreeOfCycles = slices()
            .matching("org.qualitybenchmark.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingDependsOnTheDemoData = noClasses()
            .that().resideOutsideOfPackage("org.qualitybenchmark.demo..")
            .should().dependOnClassesThat().resideInAPackage("org.qualitybenchmark.demo..");

    @ArchTest
    static final ArchRule domainModulesDoNotReachIntoTheAdapter = noClasses()
            .that().resideOutsideOfPackages("org.qualitybenchmark.workflow..", "org.qualitybenchmark.demo..")
            .should().dependOnClassesThat().resideInAPackage("org.qualitybenchmark.workflow..")
            .because("the adapter depends on the domain, never the other way round; only the demo, which does "
                    + "tasks as its users would, uses the adapter's task facade");

}
