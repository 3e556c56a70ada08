package vn.citygov.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Search keys, LIKE escaping and the reference CSV reader, without Spring. */
class DirectorySearchTextUnitTests {

    @Test
    void keysFoldAccentsCaseAndDStroke() {
        assertThat(SearchText.key("Phường Sài Gòn", "Sài Gòn", "Sai Gon Ward", "26740"))
                .isEqualTo("phuong sai gon sai gon sai gon ward 26740");
        assertThat(SearchText.key("Sở Y tế", null, "so-y-te")).isEqualTo("so y te so-y-te");
        assertThat(SearchText.key("Đặc khu Côn Đảo")).isEqualTo("dac khu con dao");
        // Decomposed (NFD) input folds the same as composed input.
        assertThat(SearchText.query("Sa\u0300i Go\u0300n")).isEqualTo(SearchText.query("Sài Gòn"));
    }

    @Test
    void agencyKeysKnowTheUsualAbbreviations() {
        assertThat(SearchText.agencyKey("ubnd-26740", "Ủy ban nhân dân Phường Sài Gòn", "Sai Gon Ward People's Committee"))
                .contains("ubnd phuong sai gon").contains("uy ban nhan dan phuong sai gon");
        assertThat(SearchText.agencyKey("hdnd-tphcm", "Hội đồng nhân dân Thành phố Hồ Chí Minh", null))
                .contains("hdnd thanh pho ho chi minh");
        assertThat(SearchText.agencyKey("so-y-te", "Sở Y tế", "Department of Health"))
                .isEqualTo("so y te department of health so-y-te");
    }

    @Test
    void likeWildcardsInQueriesAreLiteral() {
        assertThat(SearchText.contains("50%_x")).isEqualTo("%50\\%\\_x%");
        assertThat(SearchText.prefix("a\\b")).isEqualTo("a\\\\b%");
    }

    @Test
    void everyWordMustStartAWordOfTheKey() {
        assertThat(SearchText.patterns("so y te")).containsExactly("% so%", "% y%", "% te%");
        assertThat(SearchText.patterns("")).isEmpty();
        assertThat(SearchText.longestWord("phuong sai gon")).isEqualTo("%phuong%");
        assertThat(SearchText.longestWord("")).isEqualTo("%");
    }

    @Test
    void queriesAreCapped() {
        assertThat(SearchText.query("a".repeat(500))).hasSize(100);
    }

    @Test
    void csvHandlesQuotesCommasAndDoubledQuotes() {
        List<List<String>> rows = Csv.parse("code,name,note\r\na,\"Sở A, B\",\"say \"\"hi\"\"\"\nb,,\n");
        assertThat(rows).containsExactly(List.of("code", "name", "note"), List.of("a", "Sở A, B", "say \"hi\""),
                List.of("b", "", ""));
    }

    @Test
    void theShippedReferenceFilesAreComplete() {
        List<Map<String, String>> units = Csv.read("directory/admin-units-hcmc-2025.csv");
        assertThat(units).hasSize(168);
        assertThat(units).allSatisfy(u -> assertThat(u.get("code")).matches("[0-9]{5}"));
        assertThat(units.stream().map(u -> u.get("type")).distinct()).containsExactlyInAnyOrder("phuong", "xa", "dac_khu");
        List<Map<String, String>> agencies = Csv.read("directory/agencies-hcmc-sample.csv");
        assertThat(agencies).hasSize(23);
        assertThat(agencies).allSatisfy(a -> assertThat(a.get("code")).matches("[a-z0-9-]{2,64}"));
    }
}
