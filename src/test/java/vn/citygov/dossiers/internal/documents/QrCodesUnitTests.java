package vn.citygov.dossiers.internal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

class QrCodesUnitTests {

    @Test
    void theQrCodeDecodesBackToTheLookupUrl() throws Exception {
        String url = "https://dichvucong.hochiminhcity.gov.vn/lookup?code=H29-261123-000042-K7QXM";
        BitMatrix matrix = QrCodes.matrix(url);
        assertThat(new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(image(matrix, 4, 4)))).getText())
                .isEqualTo(url);
    }

    /** The matrix as the page prints it: black squares of `scale` pixels, with a white quiet zone around. */
    private static RGBLuminanceSource image(BitMatrix matrix, int scale, int quiet) {
        int size = (matrix.getWidth() + 2 * quiet) * scale;
        int[] pixels = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int mx = x / scale - quiet;
                int my = y / scale - quiet;
                boolean black = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight() && matrix.get(mx, my);
                pixels[y * size + x] = black ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        return new RGBLuminanceSource(size, size, pixels);
    }
}
