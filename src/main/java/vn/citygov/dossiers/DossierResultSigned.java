package vn.citygov.dossiers;

import java.time.Instant;
import java.util.Map;

/**
 * An official attached the result document of a dossier and signed it off. {@code electronic}: the result was
 * issued as an electronic document; {@code shared}: it went to the applicant's personal document store. The
 * service-quality index counts both; the SHA-256 identifies the exact file signed.
 */
public record DossierResultSigned(long dossierId, String agencyCode, String sha256, boolean electronic, boolean shared,
        String signedBy, Instant signedAt) implements DossierChange {

    @Override
    public String action() {
        return "result_signed";
    }

    @Override
    public Map<String, Object> changes() {
        return DossierChange.fields("sha256", sha256, "electronic", electronic, "shared", shared);
    }
}
