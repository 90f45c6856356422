package tc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The project's architecture as ArchUnit rules over a root package: {@code tc} for the product,
 * a fixture root for the tests that show each rule failing on a deliberately bad import.
 *
 * <p>The layers, bottom up: {@code source} (files, positions, diagnostics) → {@code ir} (the IR
 * and N-bit words) → {@code c} (the C front end, which lowers into the IR) → the two machines
 * {@code loom} and {@code computer} (each with its ISA, back end, interpreter and engines) →
 * {@code learn} and {@code bench} → {@code web} (tc serve, above learn: its pages run learning) → {@code cli}. A layer may use only layers below it.
 */
final class ArchitectureRules {
    private final String root;

    ArchitectureRules(String root) { this.root = root; }

    private String pkg(String name) { return root + "." + name + ".."; }

    /** No two packages depend on each other, directly or through others. */
    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles().allowEmptyShould(true);
    }

    /** Dependencies point down the pipeline only. */
    ArchRule layersDependDownwards() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("source").definedBy(pkg("source"))
                .layer("ir").definedBy(pkg("ir"))
                .layer("c").definedBy(pkg("c"))
                .layer("loom").definedBy(pkg("loom"))
                .layer("computer").definedBy(pkg("computer"))
                .layer("learn").definedBy(pkg("learn"))
                .layer("bench").definedBy(pkg("bench"))
                .layer("web").definedBy(pkg("web"))
                .layer("cli").definedBy(pkg("cli"))
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("web").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("learn").mayOnlyBeAccessedByLayers("web", "cli")
                .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("loom").mayOnlyBeAccessedByLayers("learn", "bench", "web", "cli")
                .whereLayer("computer").mayOnlyBeAccessedByLayers("learn", "bench", "web", "cli")
                .whereLayer("c").mayOnlyBeAccessedByLayers("loom", "computer", "learn", "bench", "web", "cli")
                .whereLayer("ir").mayOnlyBeAccessedByLayers("c", "loom", "computer", "learn", "bench", "web", "cli")
                .whereLayer("source").mayOnlyBeAccessedByLayers("ir", "c", "loom", "computer", "learn", "bench", "web", "cli")
                .allowEmptyShould(true);
    }

    /** Every class sits in one of the layers, so the layer rule sees all of them. */
    ArchRule everyClassIsInALayer() {
        List<String> layers = List.of("source", "ir", "c", "loom", "computer", "learn", "bench", "web", "cli");
        return classes().should().resideInAnyPackage(layers.stream().map(this::pkg).toArray(String[]::new)).allowEmptyShould(true);
    }

    /**
     * The honesty rule of our engines: the transformer's weights and the engines that run them
     * compute from weight matrices and state only, never by asking an interpreter.
     */
    ArchRule transformerNeverUsesAnInterpreter() {
        return noClasses().that().resideInAnyPackage(pkg("loom.transformer"), pkg("loom.engine"), pkg("loom.onnx"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("loom.interp"), pkg("computer.interp"))
                .orShould().dependOnClassesThat().haveSimpleName("IrInterpreter")
                .allowEmptyShould(true);
    }

    /**
     * The same for the Tensor Computer's differentiable machine: it computes every instruction as
     * tensor operations, and the discrete interpreter only checks it (in the tests).
     */
    ArchRule softMachineNeverUsesTheInterpreter() {
        return noClasses().that().resideInAPackage(pkg("computer.soft"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("computer.interp"), pkg("loom.interp"))
                .allowEmptyShould(true);
    }

    /** The two machines share the front end and nothing else. */
    ArchRule loomDoesNotUseTheComputer() {
        return noClasses().that().resideInAPackage(pkg("loom")).should().dependOnClassesThat().resideInAPackage(pkg("computer"))
                .allowEmptyShould(true);
    }

    /** The two machines share the front end and nothing else. */
    ArchRule computerDoesNotUseLoom() {
        return noClasses().that().resideInAPackage(pkg("computer")).should().dependOnClassesThat().resideInAPackage(pkg("loom"))
                .allowEmptyShould(true);
    }
}
