package vn.citygov.demo;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.citygov.directory.DirectoryDemoData;

/** The directory's part of the demo: one-stop desks and reception points, and where officials work. */
@Component
@Order(10)
class DirectoryDemo implements DemoContributor {

    private static final Logger log = LoggerFactory.getLogger(DirectoryDemo.class);

    private final DirectoryDemoData directory;

    DirectoryDemo(DirectoryDemoData directory) {
        this.directory = directory;
    }

    @Override
    public void load(DemoSize size) {
        log.info("Added {} demo handling points", directory.load(size.name().toLowerCase(Locale.ROOT)));
    }

    @Override
    public List<String> wardCommittees() {
        return directory.wardCommittees();
    }
}
