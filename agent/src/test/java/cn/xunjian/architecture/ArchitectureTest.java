package cn.xunjian.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the agent's main code: no package cycles, dependencies only downward in the pipeline
 * order below, Playwright only inside {@code browser}, no jsoup internals.
 */
class ArchitectureTest {
    private static final String ROOT = "cn.xunjian";

    /**
     * The pipeline from the bottom up: a package may use packages of lower rank only. Packages on one line are
     * siblings and may not use each other. The shared values are at the bottom; the features that run the checks
     * sit above the check contract; scoring, history and reports read what the checks found; the audit puts it
     * all together; the re-check of one finding runs on the audit's parts; the daemon and the command line sit on top.
     */
    private static final List<List<String>> LAYERS = List.of(
            List.of("model"),
            List.of("internal"),
            List.of("net"),
            List.of("vision", "evidence", "site", "store"),
            List.of("browser"),
            List.of("crawl"),
            List.of("check"),
            List.of("scenario"),
            List.of("scenario.interact", "search", "mobile", "text", "column", "darklink", "newmedia"),
            List.of("score"),
            List.of("history"),
            List.of("report"),
            List.of("store.jdbc"),
            List.of("audit"),
            List.of("recheck"),
            List.of("alert"),
            List.of("schedule"),
            List.of("demo"),
            List.of("console.account"),
            List.of("console.review"),
            List.of("console"),
            List.of("cli"));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theMainCodeHasNoPackageCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void everyPackageUsesOnlyPackagesBelowItInThePipeline() {
        ArchRule rule = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage(ROOT + "..").should(dependOnlyDownward());
        rule.check(MAIN);
    }

    @Test
    void everyPackageOfTheMainCodeHasARankInThePipeline() {
        List<String> unranked = MAIN.stream().map(ArchitectureTest::feature).flatMap(Optional::stream)
                .distinct().filter(p -> rank(p).isEmpty()).sorted().toList();
        assertThat(unranked).as("packages missing from LAYERS").isEmpty();
    }

    @Test
    void onlyTheBrowserPackageUsesPlaywright() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".browser..")
                .should().dependOnClassesThat().resideInAPackage("com.microsoft.playwright..")
                .check(MAIN);
    }

    @Test
    void nothingUsesTheInternalsOfJsoup() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.jsoup.internal..").check(MAIN);
    }

    @Test
    void theModelUsesNothingOfTheProjectOutsideItself() {
        noClasses().that().resideInAPackage(ROOT + ".model..")
                .should().dependOnClassesThat().resideOutsideOfPackages(ROOT + ".model..", "java..", "javax..",
                        "com.fasterxml.jackson.annotation..")
                .check(MAIN);
    }

    /** The methods that change an ObjectMapper in place, and the static entry to building a new one. */
    private static final Pattern RECONFIGURES_A_MAPPER = Pattern.compile("builder|configure|enable|disable|set.*"
            + "|register.*|findAndRegisterModules|addMixIn.*|addHandler|clearProblemHandlers|activateDefaultTyping.*"
            + "|deactivateDefaultTyping|coercionConfig.*|configOverride");

    @Test
    void onlyTheSharedJsonConfigurationBuildsOrReconfiguresAnObjectMapper() {
        DescribedPredicate<JavaConstructorCall> newMapper = DescribedPredicate.describe("a new ObjectMapper",
                call -> call.getTargetOwner().isAssignableTo(ObjectMapper.class));
        DescribedPredicate<JavaMethodCall> reconfigure = DescribedPredicate.describe(
                "a method that builds or reconfigures an ObjectMapper",
                call -> call.getTargetOwner().isAssignableTo(ObjectMapper.class)
                        && RECONFIGURES_A_MAPPER.matcher(call.getName()).matches());
        noClasses().that().doNotHaveFullyQualifiedName(ROOT + ".internal.Json")
                .should().callConstructorWhere(newMapper).orShould().callMethodWhere(reconfigure)
                .check(MAIN);
    }

    @Test
    void theRuleItselfCatchesAnUpwardDependency() {
        assertThat(rank("check")).isPresent();
        assertThat(rank("check").get()).isLessThan(rank("score").get());
        assertThat(allowed("score", "model")).isTrue();
        assertThat(allowed("check", "score")).isFalse();
        assertThat(allowed("text", "column")).isFalse();
        assertThat(allowed("scenario.interact", "scenario")).isTrue();
    }

    private static ArchCondition<JavaClass> dependOnlyDownward() {
        return new ArchCondition<>("depend only on packages below them in the pipeline") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Optional<String> from = feature(item);
                if (from.isEmpty()) {
                    return;
                }
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    Optional<String> to = feature(d.getTargetClass());
                    if (to.isPresent() && !allowed(from.get(), to.get())) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription() + " goes from " + from.get()
                                + " up or sideways to " + to.get()));
                    }
                }
            }
        };
    }

    static boolean allowed(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        Optional<Integer> a = rank(from);
        Optional<Integer> b = rank(to);
        return a.isPresent() && b.isPresent() && b.get() < a.get();
    }

    private static final Map<String, Integer> RANKS = new LinkedHashMap<>();

    static {
        for (int i = 0; i < LAYERS.size(); i++) {
            for (String p : LAYERS.get(i)) {
                RANKS.put(p, i);
            }
        }
    }

    static Optional<Integer> rank(String feature) {
        return Optional.ofNullable(RANKS.get(feature));
    }

    /** The class's package below {@code cn.xunjian}, e.g. {@code scenario.interact}; empty for other code. */
    static Optional<String> feature(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        return Optional.of(pkg.substring(ROOT.length() + 1));
    }
}
