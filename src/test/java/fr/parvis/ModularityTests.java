package fr.parvis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure of docs/architecture.md holds: no cycles, no access to internals. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ParvisApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void everyModuleOfTheMapExists() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("shared", "territory", "compliance", "system");
        for (String module : new String[] {"shared", "territory", "compliance", "language", "channels", "publishing",
                "conversations", "listening", "participation", "analytics", "strategy", "system"}) {
            assertThat(Path.of("src/main/java/fr/parvis", module, "package-info.java"))
                    .as("module %s has its package-info.java", module).exists();
        }
    }

    @Test
    void writesDocumentation() throws Exception {
        new Documenter(MODULES).writeDocumentation();
        assertThat(Files.list(Path.of("target/spring-modulith-docs"))).isNotEmpty();
    }
}
