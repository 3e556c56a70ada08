package vn.citygov.directory;

import java.util.List;

/**
 * A handling point (đầu mối xử lý): an office of an agency that receives dossiers, feedback or
 * complaints, such as a ward's one-stop desk.
 *
 * @param workKinds what it receives: dossier, feedback, complaint
 */
public record HandlingPoint(String code, String agencyCode, String name, String nameEn, String address,
        String adminUnitCode, String phone, String email, List<String> workKinds, boolean active, int version) {

    public static final List<String> WORK_KINDS = List.of("dossier", "feedback", "complaint");
}
