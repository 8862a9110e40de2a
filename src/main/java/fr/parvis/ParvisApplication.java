package fr.parvis;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.modulith.Modulithic;

/**
 * Parvis: social networks and citizen dialogue for French local governments.
 *
 * <p>One deployable application, split into Spring Modulith modules (one direct sub-package each).
 * See {@code docs/architecture.md}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@Modulithic(systemName = "Parvis", sharedModules = "shared")
public class ParvisApplication {

    public static void main(String[] args) {
        SpringApplication.run(ParvisApplication.class, args);
    }
}
