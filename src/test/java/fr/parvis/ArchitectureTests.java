package fr.parvis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import fr.parvis.shared.tenancy.CrossTenant;
import fr.parvis.shared.tenancy.TenantScoped;
import fr.parvis.territory.access.SystemActor;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;

/**
 * The conventions of docs/architecture.md, and above all the rules that keep every query scoped
 * to the current collectivité: a repository query cannot be written without the tenant scope
 * unless its class says, with {@link CrossTenant}, why it must see more.
 */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.parvis");

    private static final DescribedPredicate<JavaClass> CROSS_TENANT =
            DescribedPredicate.describe("annotated @CrossTenant", c -> c.isAnnotatedWith(CrossTenant.class));

    // ---- Tenant isolation -------------------------------------------------------------------

    @Test
    void everyEntityIsTenantScopedOrDeclaresWhyNot() {
        ArchRule rule = classes().that().areAnnotatedWith(Entity.class)
                .should().beAssignableTo(TenantScoped.class)
                .orShould().beAnnotatedWith(CrossTenant.class)
                .because("an entity without the tenant column would be readable from every collectivité");
        rule.check(CLASSES);
    }

    @Test
    void noNativeQueries() {
        ArchRule rule = noMethods().should(haveNativeQuery())
                .because("native SQL bypasses Hibernate's tenant filter: write JPQL on tenant-scoped entities");
        rule.check(CLASSES);
    }

    @Test
    void rawJdbcOnlyInCrossTenantClasses() {
        ArchRule rule = noClasses().that(DescribedPredicate.not(CROSS_TENANT))
                .and().resideOutsideOfPackage("fr.parvis.compliance.domain")
                .should().dependOnClassesThat().belongToAnyOf(JdbcTemplate.class, NamedParameterJdbcTemplate.class,
                        JdbcClient.class, DataSource.class)
                .orShould().callMethodWhere(nativeQueryCall())
                .because("raw SQL is not scoped to the current collectivité");
        rule.check(CLASSES);
    }

    @Test
    void rootScopeOnlyFromCrossTenantClasses() {
        ArchRule rule = noClasses().that(DescribedPredicate.not(CROSS_TENANT))
                .should().callMethod(SystemActor.class, "actAsRoot", String.class, java.util.function.Supplier.class)
                .orShould().callMethod(SystemActor.class, "runAs", fr.parvis.shared.tenancy.TenantAuthentication.class,
                        java.util.function.Supplier.class)
                .because("the root scope sees every collectivité; each use must be declared and reviewed");
        rule.check(CLASSES);
    }

    @Test
    void repositoriesOfCrossTenantEntitiesOnlyFromCrossTenantClasses() {
        ArchRule rule = noClasses().that(DescribedPredicate.not(CROSS_TENANT))
                .and().areNotInterfaces()
                .should().dependOnClassesThat(repositoryOfCrossTenantEntity())
                .because("collectivités and accounts are not filtered by tenant: only declared classes may query them");
        rule.check(CLASSES);
    }

    @Test
    void explicitTenantParametersOnlyFromCrossTenantClasses() {
        ArchRule rule = noClasses().that(DescribedPredicate.not(CROSS_TENANT))
                .should().callMethodWhere(DescribedPredicate.describe("a repository query naming CollectiviteId",
                        call -> call.getTargetOwner().isAssignableTo(Repository.class)
                                && call.getName().contains("CollectiviteId")))
                .because("queries that name a collectivité explicitly are root-scope lookups");
        rule.check(CLASSES);
    }

    // ---- Conventions ----------------------------------------------------------------------------

    @Test
    void controllersArePackagePrivateAndNamedController() {
        classes().that().areAnnotatedWith(Controller.class).or().areMetaAnnotatedWith(Controller.class)
                .should().notBePublic()
                .andShould().haveSimpleNameEndingWith("Controller")
                .andShould().resideInAnyPackage("..web..", "..api..")
                .check(CLASSES);
    }

    @Test
    void webAndApiGoThroughManagementServices() {
        noClasses().that().resideInAnyPackage("..web..", "..api..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .because("the UI and the API share the same service layer")
                .check(CLASSES);
    }

    @Test
    void repositoriesLiveInDomainAndHavePluralNames() {
        classes().that().areInterfaces().and().areAssignableTo(Repository.class)
                .and().resideInAPackage("fr.parvis..")
                .should().resideInAPackage("..domain..")
                .andShould().haveNameMatching(".*[a-z]s")
                .check(CLASSES);
    }

    @Test
    void managementServicesArePublicServices() {
        classes().that().haveSimpleNameEndingWith("Management")
                .should().beAnnotatedWith(Service.class)
                .andShould().bePublic()
                .check(CLASSES);
    }

    @Test
    void noFieldInjection() {
        noFields().should().beAnnotatedWith(Autowired.class).check(CLASSES);
    }

    @Test
    void noScheduledAnnotation() {
        noMethods().should().beAnnotatedWith(Scheduled.class)
                .because("recurring work must run once per cluster: use a db-scheduler task")
                .check(CLASSES);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("tests control time through java.time.Clock")
                .check(CLASSES);
    }

    // ---- Helpers -------------------------------------------------------------------------------

    private static ArchCondition<com.tngtech.archunit.core.domain.JavaMethod> haveNativeQuery() {
        return new ArchCondition<>("be annotated @Query(nativeQuery = true)") {
            @Override
            public void check(com.tngtech.archunit.core.domain.JavaMethod method, ConditionEvents events) {
                for (JavaAnnotation<?> annotation : method.getAnnotations()) {
                    if (annotation.getRawType().isEquivalentTo(Query.class)
                            && Boolean.TRUE.equals(annotation.get("nativeQuery").orElse(false))) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " is a native query"));
                    }
                }
            }
        };
    }

    private static DescribedPredicate<JavaMethodCall> nativeQueryCall() {
        return DescribedPredicate.describe("createNativeQuery",
                call -> call.getName().equals("createNativeQuery") || call.getName().equals("createNativeMutationQuery"));
    }

    private static DescribedPredicate<JavaClass> repositoryOfCrossTenantEntity() {
        return DescribedPredicate.describe("a repository of a @CrossTenant entity", type -> type.isInterface()
                && type.isAssignableTo(Repository.class)
                && crossTenantEntityOf(type));
    }

    private static boolean crossTenantEntityOf(JavaClass repository) {
        return repository.getInterfaces().stream()
                .filter(JavaParameterizedType.class::isInstance)
                .map(JavaParameterizedType.class::cast)
                .flatMap(i -> i.getActualTypeArguments().stream())
                .map(JavaType::toErasure)
                .anyMatch(entity -> entity.isAnnotatedWith(Entity.class) && entity.isAnnotatedWith(CrossTenant.class));
    }
}
