package vn.citygov.procedures;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the reference catalogue through the import when the catalogue is empty: a city starts from the
 * national catalogue, in demo mode or not. Runs after the directory, whose agencies it refers to.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ProceduresStartup implements ApplicationRunner {

    static final String CATALOGUE = "procedures/catalogue.json";
    private static final Logger log = LoggerFactory.getLogger(ProceduresStartup.class);

    private final ProcedureService procedures;
    private final JsonMapper json;

    ProceduresStartup(ProcedureService procedures, JsonMapper json) {
        this.procedures = procedures;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!procedures.catalogueEmpty()) {
            return;
        }
        try (InputStream in = new ClassPathResource(CATALOGUE).getInputStream()) {
            List<ProcedureInput> entries = json.readValue(in, new TypeReference<List<ProcedureInput>>() {
            });
            ImportReport report = procedures.load(entries);
            log.info("Loaded {} procedures of the reference catalogue", report.created().size());
        }
    }
}
