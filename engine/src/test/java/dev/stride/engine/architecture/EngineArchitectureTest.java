package dev.stride.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine's layering, enforced: headless, OpenCV in one package, DL4J only where training needs it. */
@AnalyzeClasses(packages = "dev.stride.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

    @ArchTest
    static final ArchRule engineIsHeadless = noClasses().that().resideInAPackage("dev.stride.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("the engine runs without a display (CLI, tests, servers); JavaFX belongs in app");

    @ArchTest
    static final ArchRule onlyVisionTouchesOpenCv = noClasses().that().resideInAPackage("dev.stride.engine..")
            .and().resideOutsideOfPackage("dev.stride.engine.data.vision..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bytedeco.opencv..")
            .because("OpenCV's native memory rules stay inside engine.data.vision, which hands out plain ImageData");

    @ArchTest
    static final ArchRule designCoreIsFreeOfDl4j = noClasses().that()
            .resideInAnyPackage("dev.stride.engine.model..", "dev.stride.engine.shape..", "dev.stride.engine.edit..",
                    "dev.stride.engine.project..", "dev.stride.engine.keras..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..",
                    "org.bytedeco..")
            .because("designing a network must not load ND4J's native libraries; only dl4j, training, data,"
                    + " backend, bench, export and cli may use DL4J");

    @ArchTest
    static final ArchRule dl4jStaysInItsPackages = noClasses().that().resideInAPackage("dev.stride.engine..")
            .and().resideOutsideOfPackages("dev.stride.engine.dl4j..", "dev.stride.engine.training..",
                    "dev.stride.engine.data..", "dev.stride.engine.backend..", "dev.stride.engine.bench..",
                    "dev.stride.engine.cli..", "dev.stride.engine.export..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
            .because("DL4J is an implementation detail of compiling, training, data iteration and export");

    @ArchTest
    static final ArchRule modelDependsOnNothingElseInTheEngine = noClasses().that()
            .resideInAPackage("dev.stride.engine.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.stride.engine.shape..",
                    "dev.stride.engine.edit..", "dev.stride.engine.project..", "dev.stride.engine.keras..",
                    "dev.stride.engine.cli..", "com.fasterxml.jackson..")
            .because("the model is the vocabulary every other package speaks; it must not depend on them");
}
