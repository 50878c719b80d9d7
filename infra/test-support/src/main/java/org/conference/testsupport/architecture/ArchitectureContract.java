package org.conference.testsupport.architecture;

import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The house rules of ARCHITECTURE.md §9, checked against a module's production classes: extend it with an empty test
 * class in the module's base package (for example {@code org.conference.meeting.ArchitectureTest}) and the module's
 * build fails as soon as a rule is broken. A new service inherits every rule by extending it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ArchitectureContract {

    private ModuleArchitecture architecture;
    private JavaClasses classes;

    @BeforeAll
    void importProductionClasses() {
        String basePackage = getClass().getPackageName();
        architecture = new ModuleArchitecture(basePackage, crossCuttingPackages());
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    /**
     * Top-level packages that serve every feature and may therefore know none ({@code support}, {@code outbox}).
     * Every other top-level package of the module is a feature.
     */
    protected Set<String> crossCuttingPackages() {
        return Set.of("support", "outbox");
    }

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        architecture.noCyclesBetweenTopLevelPackages().check(classes);
    }

    @Test
    void aFeatureUsesAnotherFeatureOnlyThroughItsServiceNeverItsDocumentsOrRepositories() {
        architecture.noFeatureTouchesAnotherFeaturesPersistence().check(classes);
    }

    @Test
    void crossCuttingPackagesImportNoFeature() {
        architecture.crossCuttingCodeKnowsNoFeature().check(classes);
    }

    @Test
    void controllersDoNotTouchMongo() {
        architecture.controllersStayOutOfPersistence().check(classes);
    }

    @Test
    void theModuleImportsNoOtherModuleOfThePlatformButCommonModel() {
        architecture.noDependencyOnOtherPlatformModules().check(classes);
    }
}
