package dev.ankiconnect;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of DEVELOPERS.md, checked on the compiled classes: packages import each other without cycles,
 * the pure subsystems import no JPA, servlet or CDI, and {@code api} (what every feature uses) imports no feature.
 */
class ArchitectureTest {

    private static final String[] CONTAINER = {
        "jakarta.persistence..", "jakarta.servlet..", "jakarta.enterprise..", "jakarta.inject.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ankiconnect");
    }

    /**
     * Every package is a slice, a sub-package too: {@code search} is the pure search language, {@code search.run}
     * its execution on the database, which may use what {@code search} may not.
     */
    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.ankiconnect.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void purePackagesImportNoJpaServletOrCdi() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.ankiconnect.search",
                        "dev.ankiconnect.scheduler..",
                        "dev.ankiconnect.template..",
                        "dev.ankiconnect.text..",
                        "dev.ankiconnect.apkg..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CONTAINER)
                .check(classes);
    }

    @Test
    void apiImportsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("dev.ankiconnect.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.ankiconnect.dispatch..",
                        "dev.ankiconnect.web..",
                        "dev.ankiconnect.user..",
                        "dev.ankiconnect.profile..",
                        "dev.ankiconnect.deck..",
                        "dev.ankiconnect.notetype..",
                        "dev.ankiconnect.note..",
                        "dev.ankiconnect.card..",
                        "dev.ankiconnect.tag..",
                        "dev.ankiconnect.media..",
                        "dev.ankiconnect.review..",
                        "dev.ankiconnect.stats..",
                        "dev.ankiconnect.packages..",
                        "dev.ankiconnect.gui..",
                        "dev.ankiconnect.check..",
                        "dev.ankiconnect.ops..",
                        "dev.ankiconnect.search.run..")
                .check(classes);
    }
}
