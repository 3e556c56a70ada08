package vn.citygov.procedures.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.citygov.platform.web.NavigationItem;

/** The catalogue's place in the main menu: open to everyone. */
@Configuration(proxyBeanMethods = false)
class ProceduresNavigation {

    @Bean
    NavigationItem proceduresMenuItem() {
        return NavigationItem.open(30, "nav.procedures", "/procedures");
    }
}
