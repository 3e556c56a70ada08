/**
 * Calendar: the Vietnamese lunar calendar, public holidays and working-day swaps, and
 * {@link vn.citygov.calendar.WorkingDayCalendar}, which every module uses to compute legal deadlines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar", allowedDependencies = "platform")
package vn.citygov.calendar;
