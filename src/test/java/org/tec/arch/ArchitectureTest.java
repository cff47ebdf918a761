package org.tec.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The layering docs/ARCHITECTURE.md draws, as tests. From the bottom: text and diag
 * (numbers as text, diagnostics), model (the circuit; it knows nothing of the language),
 * lang (grammar, AST), interp (compiler stages, interpreter, studies), output and figures,
 * api (the one door into the engine), and on top cli, repl and lsp (the language server),
 * which see only the api.
 */
@AnalyzeClasses(packages = "org.tec", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringAllDependencies()
            .layer("Text").definedBy("org.tec.text..")
            .layer("Diag").definedBy("org.tec.diag..")
            .layer("Model").definedBy("org.tec.model..")
            .layer("Lang").definedBy("org.tec.lang..")
            .layer("Interp").definedBy("org.tec.interp..")
            .layer("Fit").definedBy("org.tec.fit..")
            .layer("Output").definedBy("org.tec.output..")
            .layer("Figures").definedBy("org.tec.figures..")
            .layer("Api").definedBy("org.tec.api..")
            .layer("Cli").definedBy("org.tec.cli..")
            .layer("Repl").definedBy("org.tec.repl..")
            .layer("Lsp").definedBy("org.tec.lsp..")
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("Repl").mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Lsp").mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Api").mayOnlyBeAccessedByLayers("Cli", "Repl", "Lsp")
            .whereLayer("Output").mayOnlyBeAccessedByLayers("Api")
            .whereLayer("Figures").mayOnlyBeAccessedByLayers("Output", "Api")
            .whereLayer("Fit").mayOnlyBeAccessedByLayers("Figures", "Output", "Api")
            .whereLayer("Interp").mayOnlyBeAccessedByLayers("Fit", "Output", "Figures", "Api")
            .whereLayer("Lang").mayOnlyBeAccessedByLayers("Interp", "Fit", "Api")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("Interp", "Fit", "Output", "Figures", "Api")
            .whereLayer("Diag").mayOnlyBeAccessedByLayers("Model", "Lang", "Interp", "Fit", "Output", "Figures", "Api");

    /** No two top-level packages depend on each other, directly or round a circle. */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.tec.(*)..").should().beFreeOfCycles();

    /** Nor do any two packages at any depth (org.tec.lang and org.tec.lang.ast, say). */
    @ArchTest
    static final ArchRule noCyclesBetweenSubpackages = slices().matching("org.tec.(**)").should().beFreeOfCycles();

    /** The engine never prints: results, events and diagnostics are values handed back. */
    @ArchTest
    static final ArchRule noStandardStreamsBelowTheCommandLine = noClasses()
            .that().resideOutsideOfPackages("org.tec.cli..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    /** Only the command line's main may end the process. */
    @ArchTest
    static final ArchRule noExitBelowTheCommandLine = noClasses()
            .that().resideOutsideOfPackages("org.tec.cli..")
            .should().callMethod(System.class, "exit", int.class)
            .orShould().callMethod(Runtime.class, "halt", int.class);
}
