package vn.citygov.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names of uploads are cleaned before they are stored or sent back. */
class FileNamesUnitTests {

    @Test
    void normalisesToNfc() {
        String decomposed = "Gia\u0301y khai sinh.pdf"; // "á" as a + combining acute, as macOS sends it
        assertThat(FileNames.clean(decomposed)).isEqualTo("Giáy khai sinh.pdf").hasSize(18);
    }

    @Test
    void dropsDirectoriesWhateverTheSeparator() {
        assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.clean("C:\\Users\\lan\\Hồ sơ.pdf")).isEqualTo("Hồ sơ.pdf");
        assertThat(FileNames.clean("/")).isEqualTo("file");
    }

    @Test
    void removesControlAndInvisibleFormattingCharacters() {
        assertThat(FileNames.clean("a\u0000b\r\nc\u0007.pdf")).isEqualTo("ab c.pdf");
        assertThat(FileNames.clean("photo\u202Egpj.exe")).isEqualTo("photogpj.exe");
        assertThat(FileNames.clean("tab\tname.png")).isEqualTo("tab name.png");
    }

    @Test
    void replacesCharactersThatBreakHeadersOrOtherSystems() {
        assertThat(FileNames.clean("a\"b<c>d:e|f?g*.pdf")).isEqualTo("a_b_c_d_e_f_g_.pdf");
    }

    @Test
    void noLeadingDotsNoBlankNames() {
        assertThat(FileNames.clean(".hidden.pdf")).isEqualTo("hidden.pdf");
        assertThat(FileNames.clean("..")).isEqualTo("file");
        assertThat(FileNames.clean("   ")).isEqualTo("file");
        assertThat(FileNames.clean(null)).isEqualTo("file");
    }

    @Test
    void longNamesAreCutInTheStemKeepingTheExtension() {
        String cleaned = FileNames.clean("ả".repeat(300) + ".pdf");
        assertThat(cleaned).endsWith(".pdf");
        assertThat(cleaned.codePointCount(0, cleaned.length())).isEqualTo(FileNames.MAX_LENGTH);
    }

    @Test
    void keepsOrdinaryVietnameseNames() {
        assertThat(FileNames.clean("Đơn đề nghị (bản 2).pdf")).isEqualTo("Đơn đề nghị (bản 2).pdf");
    }
}
