package vn.citygov.feedback;

/**
 * A category as coordinators edit it: the public fields plus whether new reports may choose it, its place in
 * lists and its version (optimistic locking). Also the body of create and change requests (version is ignored
 * on create; on change it must be the version read).
 */
public record CategorySettings(String code, String nameVi, String nameEn, Integer deadlineDays, Integer deadlineHours,
        Boolean isPublic, Boolean active, Integer sortOrder, Integer version) {
}
