package vn.citygov.directory.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.citygov.directory.DirectoryDemoData;

/**
 * Loads the reference data on start-up, before other modules' loaders (which may refer to agencies),
 * and the demo handling points when demo mode is on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DirectoryStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectoryStartup.class);

    private final ReferenceDataLoader reference;
    private final DirectoryDemoData demo;
    private final boolean demoEnabled;
    private final String demoSize;

    DirectoryStartup(ReferenceDataLoader reference, DirectoryDemoData demo,
            @Value("${citygov.demo.enabled:false}") boolean demoEnabled, @Value("${citygov.demo.size:small}") String demoSize) {
        this.reference = reference;
        this.demo = demo;
        this.demoEnabled = demoEnabled;
        this.demoSize = demoSize;
    }

    @Override
    public void run(ApplicationArguments args) {
        reference.ensureLoaded();
        if (demoEnabled) {
            log.info("Added {} demo handling points ({})", demo.load(demoSize), demoSize);
        }
    }
}
