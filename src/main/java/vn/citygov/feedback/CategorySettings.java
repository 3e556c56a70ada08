package vn.citygov.feedback;

import java.util.List;

/**
 * A category as coordinators edit it: the public fields plus whether new reports may choose it, its place in
 * lists and its version (optimistic locking). Also the body of create and change requests (version is ignored
 * on create; on change it must be the version read). {@code attributes} are the extra fields reports of the
 * category ask for (Open311 service attributes); none when absent.
 */
public record CategorySettings(String code, String nameVi, String nameEn, Integer deadlineDays, Integer deadlineHours,
        Boolean isPublic, Boolean active, Integer sortOrder, Integer version, List<CategoryAttribute> attributes) {

    public CategorySettings(String code, String nameVi, String nameEn, Integer deadlineDays, Integer deadlineHours,
            Boolean isPublic, Boolean active, Integer sortOrder, Integer version) {
        this(code, nameVi, nameEn, deadlineDays, deadlineHours, isPublic, active, sortOrder, version, null);
    }
}
