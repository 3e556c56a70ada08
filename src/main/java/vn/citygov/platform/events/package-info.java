/** Housekeeping of the event outbox (Spring Modulith's event publication registry). */
package vn.citygov.platform.events;
