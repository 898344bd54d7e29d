package dev.stride.engine.data;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DataLayeringTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.stride.engine");

    @Test
    void onlyDataVisionUsesOpenCv() {
        noClasses().that().resideOutsideOfPackage("dev.stride.engine.data.vision..")
                .and().haveNameNotMatching("dev\\.stride\\.engine\\.training\\.PatchGradient(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("org.bytedeco..")
                .because("OpenCV's native types stay behind data.vision's ImageData, so the app and training never "
                        + "manage native memory; the one exception, PatchGradient, calls OpenBLAS's sgemm itself")
                .check(ENGINE);
    }

    @Test
    void dataVisionKnowsNothingOfDatasetsOrDl4j() {
        noClasses().that().resideInAPackage("dev.stride.engine.data.vision..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.stride.engine.data", "org.deeplearning4j..",
                        "org.nd4j..")
                .because("the pipeline is shared by the preview and training and must stay a leaf")
                .check(ENGINE);
    }

    @Test
    void onlyTheIteratorAdaptersInDataUseDl4j() {
        noClasses().that().resideInAPackage("dev.stride.engine.data")
                .and().doNotHaveSimpleName("PrefetchingImageIterator")
                .and().doNotHaveSimpleName("TabularDataSets")
                .and().doNotHaveSimpleName("PipelineBenchmark")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
                .because("datasets are plain Java; only the adapters speak DL4J")
                .check(ENGINE);
    }
}
