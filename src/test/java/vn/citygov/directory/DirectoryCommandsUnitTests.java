package vn.citygov.directory;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ConstraintViolation;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The command records: text is stored in NFC, blanks count as absent, and the constraints name the field. */
class DirectoryCommandsUnitTests {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void textIsNormalisedToNfcAndTrimmed() {
        String decomposed = Normalizer.normalize("  Sở Y tế  ", Normalizer.Form.NFD);
        NewAgency agency = new NewAgency("so-moi", decomposed, " ", "department", "", null, null, null, null, null, null);
        assertThat(agency.name()).isEqualTo(Normalizer.normalize("Sở Y tế", Normalizer.Form.NFC));
        assertThat(Normalizer.isNormalized(agency.name(), Normalizer.Form.NFC)).isTrue();
        assertThat(agency.nameEn()).isNull();
        assertThat(agency.parentCode()).isNull();
    }

    @Test
    void invalidFieldsAreNamed() {
        NewAgency agency = new NewAgency("Bad Code", "", "x".repeat(201), "ministry", "UPPER", "123", null, "abc",
                "not-mail", "ftp://x", null);
        assertThat(fields(validator.validate(agency)))
                .containsExactlyInAnyOrder("code", "name", "nameEn", "kind", "parentCode", "adminUnitCode", "phone",
                        "email", "website");
    }

    @Test
    void changesNeedAVersion() {
        AgencyChanges changes = new AgencyChanges("Sở Y tế", null, "department", null, null, null, null, null, null, null);
        assertThat(fields(validator.validate(changes))).containsExactly("version");
    }

    @Test
    void handlingPointsReceiveOnlyKnownKindsOfWork() {
        NewHandlingPoint point = new NewHandlingPoint("mot-cua", "so-y-te", "Một cửa", null, null, null, null, null,
                List.of("dossier", "parking"));
        assertThat(fields(validator.validate(point))).containsExactly("workKinds");
        assertThat(new NewHandlingPoint("a1", "so-y-te", "A", null, null, null, null, null, null).workKinds()).isEmpty();
    }

    @Test
    void diffsListOnlyChangedFields() {
        Map<String, Object> before = new java.util.LinkedHashMap<>(Map.of("name", "A", "address", "x"));
        before.put("phone", null);
        Map<String, Object> after = new java.util.LinkedHashMap<>(Map.of("name", "B", "address", "x"));
        after.put("phone", "028");
        assertThat(Events.diff(before, after)).containsOnlyKeys("name", "phone");
        assertThat(AgencyService.side(Events.diff(before, after), "from")).containsEntry("name", "A");
    }

    private static Set<String> fields(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(v -> {
            String path = v.getPropertyPath().toString();
            int bracket = path.indexOf('[');
            return bracket < 0 ? path : path.substring(0, bracket);
        }).collect(Collectors.toSet());
    }
}
