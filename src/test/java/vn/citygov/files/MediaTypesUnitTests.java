package vn.citygov.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The type comes from the first bytes only. */
class MediaTypesUnitTests {

    @Test
    void recognisesPdfPngAndJpegFromTheirHeaders() {
        assertThat(MediaTypes.sniff(SampleFiles.pdf())).contains(MediaTypes.PDF);
        assertThat(MediaTypes.sniff(SampleFiles.png())).contains(MediaTypes.PNG);
        assertThat(MediaTypes.sniff(SampleFiles.jpeg())).contains(MediaTypes.JPEG);
    }

    @Test
    void refusesTextEmptyAndLookalikes() {
        assertThat(MediaTypes.sniff("hello, this is not a PDF".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(MediaTypes.sniff(new byte[0])).isEmpty();
        assertThat(MediaTypes.sniff("%PDF".getBytes(StandardCharsets.US_ASCII))).as("cut short").isEmpty();
        assertThat(MediaTypes.sniff(" %PDF-1.4".getBytes(StandardCharsets.US_ASCII))).as("not at the start").isEmpty();
        assertThat(MediaTypes.sniff(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0})).as("zip, e.g. docx").isEmpty();
        assertThat(MediaTypes.sniff(new byte[] {'M', 'Z', (byte) 0x90, 0})).as("Windows program").isEmpty();
    }

    @Test
    void onlyTheBytesCountedAsReadAreLookedAt() {
        byte[] buffer = Arrays.copyOf(SampleFiles.png(), 8);
        assertThat(MediaTypes.sniff(buffer, 7)).isEmpty();
        assertThat(MediaTypes.sniff(buffer, 8)).contains(MediaTypes.PNG);
    }

    @Test
    void anExtensionOnlyClaimsATypeAndTheNameGetsTheRightOneWhenItHasNone() {
        assertThat(MediaTypes.claimedBy("Giấy khai sinh.PDF")).contains(MediaTypes.PDF);
        assertThat(MediaTypes.claimedBy("anh.jpeg")).contains(MediaTypes.JPEG);
        assertThat(MediaTypes.claimedBy("ban-v1.2")).isEmpty();
        assertThat(MediaTypes.nameFor("scan.png", MediaTypes.PNG)).isEqualTo("scan.png");
        assertThat(MediaTypes.nameFor("scan", MediaTypes.PDF)).isEqualTo("scan.pdf");
        assertThat(MediaTypes.nameFor("scan.exe", MediaTypes.JPEG)).isEqualTo("scan.exe.jpg");
    }
}
