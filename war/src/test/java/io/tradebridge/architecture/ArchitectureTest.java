package io.tradebridge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walls of the house (README, "Components"), checked on the compiled classes of all three
 * modules (the EJB jar, the web application, the workbook jar) so that a new violation fails the
 * build. There is no list of exceptions: each rule holds for every class.
 */
class ArchitectureTest {

  /**
   * Which component may use which. A component missing from a row may not be used by it; the table
   * is ordered from the bottom (the shared kernel) to the top (the way in), and no row names a
   * component further down the table, so the components cannot form a cycle. Keep it in step with
   * the README.
   */
  static final Map<String, Set<String>> MAY_USE =
      Map.ofEntries(
          Map.entry("common", Set.of()),
          Map.entry("crypto", Set.of()),
          Map.entry("database", Set.of()),
          Map.entry("excel", Set.of()),
          Map.entry("rest", Set.of()),
          Map.entry("access", Set.of()),
          Map.entry("protection", Set.of("access", "rest", "database")),
          Map.entry("users", Set.of("access", "crypto", "database", "protection")),
          Map.entry("twofactor", Set.of("access", "crypto", "protection", "users")),
          Map.entry(
              "apikeys",
              Set.of("access", "crypto", "database", "protection", "users", "twofactor")),
          Map.entry("accounts", Set.of("access", "crypto", "twofactor", "apikeys")),
          Map.entry("market", Set.of("access", "rest")),
          Map.entry(
              "orders", Set.of("access", "rest", "excel", "protection", "accounts", "market")),
          Map.entry(
              "brokers",
              Set.of("access", "rest", "database", "protection", "accounts", "market", "orders")),
          Map.entry("sso", Set.of("protection", "users", "accounts")),
          Map.entry(
              "signin",
              Set.of(
                  "access",
                  "crypto",
                  "database",
                  "protection",
                  "users",
                  "twofactor",
                  "apikeys",
                  "accounts")),
          Map.entry("killswitch", Set.of("access", "protection", "twofactor", "apikeys", "orders")),
          Map.entry(
              "copying",
              Set.of("access", "rest", "database", "protection", "accounts", "market", "orders")),
          Map.entry(
              "stream",
              Set.of(
                  "access",
                  "rest",
                  "database",
                  "apikeys",
                  "users",
                  "accounts",
                  "market",
                  "orders")),
          Map.entry(
              "openalgo", Set.of("access", "rest", "protection", "accounts", "market", "orders")),
          Map.entry(
              "web",
              Set.of(
                  "rest",
                  "access",
                  "crypto",
                  "database",
                  "protection",
                  "users",
                  "apikeys",
                  "market",
                  "sso")));

  private static JavaClasses house;

  @BeforeAll
  static void importTheHouse() {
    house =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tradebridge");
  }

  @Test
  void everyComponentIsInTheTable() {
    classes()
        .should(
            new ArchCondition<JavaClass>("belong to a component named in MAY_USE") {
              @Override
              public void check(JavaClass item, ConditionEvents events) {
                String component = componentOf(item.getPackageName()).orElse("(none)");
                if (!MAY_USE.containsKey(component)) {
                  events.add(
                      SimpleConditionEvent.violated(
                          item,
                          item.getName() + " is in component " + component + ", not in the table"));
                }
              }
            })
        .check(house);
  }

  @Test
  void aComponentUsesOnlyTheComponentsItsRowNames() {
    classes()
        .should(
            new ArchCondition<JavaClass>("use only the components MAY_USE allows") {
              @Override
              public void check(JavaClass item, ConditionEvents events) {
                String from = componentOf(item.getPackageName()).orElse("");
                Set<String> allowed = MAY_USE.getOrDefault(from, Set.of());
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                  String to =
                      componentOf(dependency.getTargetClass().getPackageName()).orElse(from);
                  if (!to.equals(from) && !to.equals("common") && !allowed.contains(to)) {
                    events.add(
                        SimpleConditionEvent.violated(
                            dependency,
                            from + " may not use " + to + ": " + dependency.getDescription()));
                  }
                }
              }
            })
        .check(house);
  }

  @Test
  void componentsDoNotDependOnEachOtherInACircle() {
    slices().matching("io.tradebridge.(*)..").should().beFreeOfCycles().check(house);
  }

  /**
   * Values in entity: an entity knows no rule service and no boundary, of its component or another.
   */
  @Test
  void entitiesUseNoControlAndNoBoundary() {
    noClasses()
        .that()
        .resideInAPackage("io.tradebridge..entity..")
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAnyPackage(
                    "io.tradebridge..control..", "io.tradebridge..boundary..")
                .and(outsideTheKernel()))
        .because("values live in entity and rules above them (the shared kernel, common, excepted)")
        .check(house);
  }

  /** Rules in control never call back into an orchestrating boundary. */
  @Test
  void controlNeverCallsABoundary() {
    noClasses()
        .that()
        .resideInAPackage("io.tradebridge..control..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.tradebridge..boundary..")
        .check(house);
  }

  /** The way in decides who is calling; a resource only reads it. */
  @Test
  void onlyTheWayInSaysWhoIsCalling() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.tradebridge.web.security..")
        .should()
        .callMethodWhere(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "Caller.signedIn…",
                call ->
                    call.getTargetOwner().getName().equals("io.tradebridge.access.boundary.Caller")
                        && call.getName().startsWith("signedIn")))
        .check(house);
  }

  private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> outsideTheKernel() {
    return com.tngtech.archunit.base.DescribedPredicate.describe(
        "outside common", c -> !componentOf(c.getPackageName()).orElse("").equals("common"));
  }

  static Optional<String> componentOf(String packageName) {
    String prefix = "io.tradebridge.";
    if (!packageName.startsWith(prefix)) {
      return Optional.empty();
    }
    String rest = packageName.substring(prefix.length());
    int dot = rest.indexOf('.');
    return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
  }
}
