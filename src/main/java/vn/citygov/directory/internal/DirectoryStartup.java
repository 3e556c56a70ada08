package vn.citygov.directory.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the reference data on start-up, before other modules' loaders (which may refer to agencies).
 * Demo handling points are added by the demo loader through {@link vn.citygov.directory.DirectoryDemoData}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DirectoryStartup implements ApplicationRunner {

    private final ReferenceDataLoader reference;

    DirectoryStartup(ReferenceDataLoader reference) {
        this.reference = reference;
    }

    @Override
    public void run(ApplicationArguments args) {
        reference.ensureLoaded();
    }
}
