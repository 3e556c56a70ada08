package vn.citygov.feedback.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.citygov.directory.HandlingPoint;
import vn.citygov.directory.HandlingPointCreated;
import vn.citygov.directory.HandlingPointService;
import vn.citygov.directory.HandlingPointUpdated;

/**
 * Keeps this module's list of handling points in step with the directory: a point added or changed there
 * that takes feedback (work kind "feedback") becomes a target for routing rules and officials' transfers.
 * Points are never removed here, since reports keep referring to them.
 */
@Component
class HandlingPointProjection {

    private final HandlingPointService directory;
    private final ReportRepository reports;

    HandlingPointProjection(HandlingPointService directory, ReportRepository reports) {
        this.directory = directory;
        this.reports = reports;
    }

    @ApplicationModuleListener
    void on(HandlingPointCreated event) {
        copy(event.code());
    }

    @ApplicationModuleListener
    void on(HandlingPointUpdated event) {
        copy(event.code());
    }

    /** A paused point is left as it was: reports keep referring to it, but it takes no new feedback here. */
    private void copy(String code) {
        directory.find(code).filter(HandlingPoint::active)
                .filter(point -> point.workKinds() != null && point.workKinds().contains("feedback"))
                .ifPresent(point -> reports.savePoint(new HandlingPointRow(point.code(), point.agencyCode(),
                        point.name(), point.nameEn(), point.adminUnitCode())));
    }
}
