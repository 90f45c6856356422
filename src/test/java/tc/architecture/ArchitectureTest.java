package tc.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules ({@link ArchitectureRules}) hold for the product's classes, and each one
 * fails on a fixture that breaks it with one deliberately bad import, so that a rule that can
 * never fail (a typo in a package name, say) is caught.
 */
class ArchitectureTest {
    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("tc");
        // Every layer is really there: an empty import would make every rule pass.
        for (String layer : new String[] {"tc.source.", "tc.ir.", "tc.c.", "tc.loom.", "tc.computer.", "tc.learn.", "tc.bench.", "tc.web.", "tc.cli."})
            assertTrue(product.stream().anyMatch(c -> c.getName().startsWith(layer)), "no classes imported from " + layer);
    }

    private static final ArchitectureRules RULES = new ArchitectureRules("tc");

    @Test void noPackageCycles() { RULES.noPackageCycles().check(product); }

    @Test void layersDependDownwards() { RULES.layersDependDownwards().check(product); }

    @Test void everyClassIsInALayer() { RULES.everyClassIsInALayer().check(product); }

    @Test void transformerNeverUsesAnInterpreter() { RULES.transformerNeverUsesAnInterpreter().check(product); }

    @Test void softMachineNeverUsesTheInterpreter() { RULES.softMachineNeverUsesTheInterpreter().check(product); }

    @Test void loomDoesNotUseTheComputer() { RULES.loomDoesNotUseTheComputer().check(product); }

    @Test void computerDoesNotUseLoom() { RULES.computerDoesNotUseLoom().check(product); }

    // Each rule, applied to a fixture root holding one bad import, must fail.

    private static void failsOn(String fixture, Function<ArchitectureRules, ArchRule> rule) {
        String root = "tc.architecture.fixture." + fixture;
        JavaClasses classes = new ClassFileImporter().importPackages(root);
        assertFalse(classes.isEmpty(), "fixture " + root + " not found");
        assertThrows(AssertionError.class, () -> rule.apply(new ArchitectureRules(root)).check(classes));
    }

    @Test void aPackageCycleIsCaught() { failsOn("cycle", ArchitectureRules::noPackageCycles); }

    @Test void theIrReachingIntoTheFrontEndIsCaught() { failsOn("upward", ArchitectureRules::layersDependDownwards); }

    @Test void aMachineUsingBenchmarkCodeIsCaught() { failsOn("benchinmachine", ArchitectureRules::layersDependDownwards); }

    @Test void anEngineUsingTheWebServerIsCaught() { failsOn("webbelow", ArchitectureRules::layersDependDownwards); }

    @Test void aClassOutsideTheLayersIsCaught() { failsOn("stray", ArchitectureRules::everyClassIsInALayer); }

    @Test void anEngineAskingTheInterpreterIsCaught() { failsOn("cheat", ArchitectureRules::transformerNeverUsesAnInterpreter); }

    @Test void aSoftMachineAskingTheInterpreterIsCaught() { failsOn("softcheat", ArchitectureRules::softMachineNeverUsesTheInterpreter); }

    @Test void loomUsingTheComputerIsCaught() { failsOn("crossing", ArchitectureRules::loomDoesNotUseTheComputer); }

    @Test void theComputerUsingLoomIsCaught() { failsOn("crossing2", ArchitectureRules::computerDoesNotUseLoom); }
}
