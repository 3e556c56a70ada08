package vn.citygov;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** CityGov: one deployable application made of modules with verified boundaries. */
@Modulithic(sharedModules = "platform")
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CityGovApplication {

    public static void main(String[] args) {
        SpringApplication.run(CityGovApplication.class, args);
    }
}
