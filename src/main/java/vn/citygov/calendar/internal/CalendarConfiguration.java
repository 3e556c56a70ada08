package vn.citygov.calendar.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.citygov.calendar.CalendarProperties;
import vn.citygov.calendar.HolidaySource;
import vn.citygov.calendar.WorkingDayCalendar;

/** Wires {@link WorkingDayCalendar}, which stays a plain class so that unit tests need no Spring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

    @Bean
    WorkingDayCalendar workingDayCalendar(CalendarProperties properties, HolidaySource holidaySource) {
        return new WorkingDayCalendar(properties, holidaySource);
    }
}
