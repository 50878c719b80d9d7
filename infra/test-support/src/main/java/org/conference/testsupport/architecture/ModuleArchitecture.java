package org.conference.testsupport.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Optional;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rules of ARCHITECTURE.md §9 for one module, whose top-level packages below {@code basePackage} are its
 * features, except the cross-cutting ones. Pure rule definitions; {@link ArchitectureContract} runs them.
 */
final class ModuleArchitecture {

    private static final String PLATFORM = "org.conference";
    private static final String COMMON_MODEL = PLATFORM + ".common";

    private final String basePackage;
    private final Set<String> crossCutting;

    ModuleArchitecture(String basePackage, Set<String> crossCutting) {
        this.basePackage = basePackage;
        this.crossCutting = Set.copyOf(crossCutting);
    }

    ArchRule noCyclesBetweenTopLevelPackages() {
        return slices().matching(basePackage + ".(*)..").namingSlices("package $1").should().beFreeOfCycles()
                .allowEmptyShould(true);
    }

    ArchRule noFeatureTouchesAnotherFeaturesPersistence() {
        return classes().that().resideInAPackage(basePackage + "..")
                .should(new ArchCondition<>("use another feature's documents and repositories only through its service") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            Optional<String> owner = feature(target);
                            if (owner.isPresent() && !owner.equals(feature(origin)) && isPersistence(target)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                        + " reaches into feature '" + owner.get() + "'s persistence"));
                            }
                        }
                    }
                }).allowEmptyShould(true);
    }

    ArchRule crossCuttingCodeKnowsNoFeature() {
        String[] crossCuttingPackages = crossCutting.stream().map(name -> basePackage + "." + name + "..")
                .toArray(String[]::new);
        DescribedPredicate<JavaClass> featureClasses = resideInAPackage(basePackage + "..")
                .and(not(resideInAnyPackage(crossCuttingPackages)))
                .and(not(resideInAPackage(basePackage)))
                .as("a feature of " + basePackage);
        return noClasses().that().resideInAnyPackage(crossCuttingPackages)
                .should().dependOnClassesThat(featureClasses)
                .allowEmptyShould(true);
    }

    ArchRule controllersStayOutOfPersistence() {
        DescribedPredicate<JavaClass> persistence = DescribedPredicate.describe(
                "MongoDB, Spring Data MongoDB, BSON, documents or repositories",
                target -> isPersistence(target) || target.getPackageName().startsWith("com.mongodb")
                        || target.getPackageName().startsWith("org.springframework.data.mongodb")
                        || target.getPackageName().startsWith("org.bson"));
        return noClasses().that(controllers()).should().dependOnClassesThat(persistence).allowEmptyShould(true);
    }

    ArchRule noDependencyOnOtherPlatformModules() {
        DescribedPredicate<JavaClass> otherModules = resideInAPackage(PLATFORM + "..")
                .and(not(resideInAPackage(basePackage + "..")))
                .and(not(resideInAPackage(COMMON_MODEL + "..")))
                .as("another module of the platform than common-model");
        return noClasses().that().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat(otherModules)
                .allowEmptyShould(true);
    }

    /** The feature a class belongs to: its top-level package below the base, unless that is cross-cutting. */
    private Optional<String> feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(basePackage + ".")) {
            return Optional.empty();
        }
        String topLevel = name.substring(basePackage.length() + 1).split("\\.", 2)[0];
        return crossCutting.contains(topLevel) ? Optional.empty() : Optional.of(topLevel);
    }

    private static DescribedPredicate<JavaClass> controllers() {
        return DescribedPredicate.describe("are web controllers",
                type -> type.isAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                        || type.isAnnotatedWith("org.springframework.stereotype.Controller")
                        || type.getSimpleName().endsWith("Controller"));
    }

    /** A stored document or a repository: annotated, typed or, for plain records, named so. */
    private static boolean isPersistence(JavaClass type) {
        JavaClass outermost = type;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return outermost.isAnnotatedWith("org.springframework.data.mongodb.core.mapping.Document")
                || outermost.isAssignableTo("org.springframework.data.repository.Repository")
                || outermost.getSimpleName().endsWith("Document")
                || outermost.getSimpleName().endsWith("Repository");
    }
}
