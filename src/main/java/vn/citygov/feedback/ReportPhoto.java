package vn.citygov.feedback;

import java.util.UUID;

/** A photo of a report (kind "report", from the reporter) or of its answer (kind "answer"). */
public record ReportPhoto(UUID id, String kind, String mediaType, String url) {
}
