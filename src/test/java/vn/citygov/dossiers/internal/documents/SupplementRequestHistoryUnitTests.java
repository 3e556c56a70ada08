package vn.citygov.dossiers.internal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.citygov.dossiers.internal.documents.ReceptionDocuments.Request;

/** Form 02 can be printed again after the dossier moved on: the items are read back from the history. */
class SupplementRequestHistoryUnitTests {

    @Test
    void theCommentIsTheReasonAndDashLinesAreTheItems() {
        Request r = Request.of("Thiếu giấy tờ\n- Giấy chứng sinh\n- Giấy đăng ký kết hôn");
        assertThat(r.items()).containsExactly("Giấy chứng sinh", "Giấy đăng ký kết hôn");
        assertThat(r.reason()).isEqualTo("Thiếu giấy tờ");
        assertThat(Request.of("- Bản sao CCCD").reason()).isNull();
        assertThat(Request.of(null).items()).isEmpty();
    }
}
