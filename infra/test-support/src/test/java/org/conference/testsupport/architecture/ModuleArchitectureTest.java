package org.conference.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** The rules themselves: a tidy module passes every one, and each kind of tangle is caught by its rule. */
class ModuleArchitectureTest {

    private static final String FIXTURES = "org.conference.testsupport.architecture.fixture.";

    private final ModuleArchitecture tidy = new ModuleArchitecture(FIXTURES + "tidy", Set.of("support"));
    private final JavaClasses tidyClasses = new ClassFileImporter().importPackages(FIXTURES + "tidy");
    private final ModuleArchitecture tangled = new ModuleArchitecture(FIXTURES + "tangled", Set.of("support"));
    private final JavaClasses tangledClasses = new ClassFileImporter().importPackages(FIXTURES + "tangled");

    @Test
    void aTidyModulePassesEveryRule() {
        assertThatCode(() -> {
            tidy.noCyclesBetweenTopLevelPackages().check(tidyClasses);
            tidy.noFeatureTouchesAnotherFeaturesPersistence().check(tidyClasses);
            tidy.crossCuttingCodeKnowsNoFeature().check(tidyClasses);
            tidy.controllersStayOutOfPersistence().check(tidyClasses);
            tidy.noDependencyOnOtherPlatformModules().check(tidyClasses);
        }).doesNotThrowAnyException();
    }

    @Test
    void aCycleBetweenFeaturesIsCaught() {
        assertThatThrownBy(() -> tangled.noCyclesBetweenTopLevelPackages().check(tangledClasses))
                .hasMessageContaining("package keys").hasMessageContaining("package rooms");
    }

    @Test
    void aFeatureReadingAnotherFeaturesDocumentIsCaught() {
        assertThatThrownBy(() -> tangled.noFeatureTouchesAnotherFeaturesPersistence().check(tangledClasses))
                .hasMessageContaining("KeyService").hasMessageContaining("feature 'rooms'");
    }

    @Test
    void supportKnowingAFeatureIsCaught() {
        assertThatThrownBy(() -> tangled.crossCuttingCodeKnowsNoFeature().check(tangledClasses))
                .hasMessageContaining("Views").hasMessageContaining("RoomDocument");
    }

    @Test
    void aControllerTouchingMongoIsCaught() {
        assertThatThrownBy(() -> tangled.controllersStayOutOfPersistence().check(tangledClasses))
                .hasMessageContaining("RoomController").hasMessageContaining("ReactiveMongoTemplate");
    }

    @Test
    void aModuleImportingAnotherModuleIsCaught() {
        ModuleArchitecture onlyRooms = new ModuleArchitecture(FIXTURES + "tangled.rooms", Set.of());
        assertThatThrownBy(() -> onlyRooms.noDependencyOnOtherPlatformModules().check(tangledClasses))
                .hasMessageContaining("KeyService");
    }
}
