package vn.citygov.directory.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.citygov.platform.web.NavigationItem;

/** The directory's place in the main menu: open to everyone. */
@Configuration(proxyBeanMethods = false)
class DirectoryNavigation {

    @Bean
    NavigationItem directoryMenuItem() {
        return NavigationItem.open(20, "nav.directory", "/directory");
    }
}
