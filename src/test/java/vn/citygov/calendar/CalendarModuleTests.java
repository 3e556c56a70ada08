package vn.citygov.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import vn.citygov.CityGovApplication;

/** The calendar module uses nothing but the platform, and no other module reaches into its internals. */
class CalendarModuleTests {

    private final ApplicationModules modules = ApplicationModules.of(CityGovApplication.class);

    @Test
    void calendarDependsOnlyOnThePlatform() {
        ApplicationModule calendar = modules.getModuleByName("calendar").orElseThrow();
        calendar.verifyDependencies(modules);
        assertThat(calendar.getDisplayName()).isEqualTo("Calendar");
    }

    @Test
    void noOtherModuleViolatesTheCalendarBoundary() {
        assertThat(modules.detectViolations().getMessages())
                .noneMatch(message -> message.contains("vn.citygov.calendar"));
    }
}
