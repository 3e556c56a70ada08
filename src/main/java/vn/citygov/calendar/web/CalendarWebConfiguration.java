package vn.citygov.calendar.web;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.citygov.platform.security.PublicPaths;
import vn.citygov.platform.web.NavigationItem;

/** The calendar page and the read-only calendar API are open to everyone; holiday edits are not. */
@Configuration(proxyBeanMethods = false)
class CalendarWebConfiguration {

    @Bean
    PublicPaths calendarPublicPaths() {
        return () -> List.of(
                PublicPaths.Rule.get("/calendar"),
                PublicPaths.Rule.get("/api/v1/calendar/holidays"),
                PublicPaths.Rule.get("/api/v1/calendar/swaps"),
                PublicPaths.Rule.get("/api/v1/calendar/deadline"),
                PublicPaths.Rule.get("/api/v1/calendar/working-days"));
    }

    @Bean
    NavigationItem calendarNavigation() {
        return NavigationItem.open(60, "calendar.nav", "/calendar");
    }
}
