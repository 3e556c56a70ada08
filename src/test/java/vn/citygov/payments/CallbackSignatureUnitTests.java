package vn.citygov.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway signature: canonical form, a known HMAC, and any change to a signed field breaking it. */
class CallbackSignatureUnitTests {

    static final String SECRET = "test-secret";

    static GatewayCallback unsigned() {
        return new GatewayCallback("0b9f3c1e-8a51-4c5e-9a3e-2f1f0c6d7e88", "paid", 200_000L, "SBX-1",
                "2026-11-23T08:00:00Z", null);
    }

    @Test
    void canonicalFormSortsNamesAndEncodesValues() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("b", "x&y=z");
        fields.put("a", "Hủy 1");
        assertThat(CallbackSignature.canonical(fields)).isEqualTo("a=H%E1%BB%A7y+1&b=x%26y%3Dz");
        assertThat(CallbackSignature.canonical(unsigned().signedFields())).isEqualTo(
                "amountVnd=200000&issuedAt=2026-11-23T08%3A00%3A00Z&outcome=paid"
                        + "&paymentId=0b9f3c1e-8a51-4c5e-9a3e-2f1f0c6d7e88&transactionId=SBX-1");
    }

    @Test
    void signatureIsHmacSha256InLowercaseHex() {
        // Computed independently: HMAC-SHA256 of the canonical form above with the key "test-secret".
        String signature = CallbackSignature.sign(SECRET, unsigned().signedFields());
        assertThat(signature).isEqualTo("3942395c6c50fca4cbff1ca0b3d29af685008434380f7ebc2ed6ede12f495c2e");
        assertThat(CallbackSignature.verify(SECRET, unsigned().signedFields(), signature)).isTrue();
        assertThat(CallbackSignature.verify(SECRET, unsigned().signedFields(), signature.toUpperCase())).isTrue();
    }

    @Test
    void aTamperedFieldAWrongSecretOrNoSignatureIsInvalid() {
        String signature = CallbackSignature.sign(SECRET, unsigned().signedFields());
        GatewayCallback cheaper = new GatewayCallback(unsigned().paymentId(), "paid", 1L, "SBX-1",
                unsigned().issuedAt(), signature);
        GatewayCallback otherOutcome = new GatewayCallback(unsigned().paymentId(), "cancelled", 200_000L, "SBX-1",
                unsigned().issuedAt(), signature);
        GatewayCallback otherTransaction = new GatewayCallback(unsigned().paymentId(), "paid", 200_000L, "SBX-2",
                unsigned().issuedAt(), signature);
        assertThat(CallbackSignature.verify(SECRET, cheaper.signedFields(), signature)).isFalse();
        assertThat(CallbackSignature.verify(SECRET, otherOutcome.signedFields(), signature)).isFalse();
        assertThat(CallbackSignature.verify(SECRET, otherTransaction.signedFields(), signature)).isFalse();
        assertThat(CallbackSignature.verify("other-secret", unsigned().signedFields(), signature)).isFalse();
        assertThat(CallbackSignature.verify(SECRET, unsigned().signedFields(), null)).isFalse();
        assertThat(CallbackSignature.verify(SECRET, unsigned().signedFields(), "")).isFalse();
    }

    @Test
    void aValueCannotPassForAnotherField() {
        // Without encoding, "paid&amountVnd=1" in one field could read like two fields.
        Map<String, String> a = Map.of("outcome", "paid&amountVnd=1");
        Map<String, String> b = Map.of("outcome", "paid", "amountVnd", "1");
        assertThat(CallbackSignature.sign(SECRET, a)).isNotEqualTo(CallbackSignature.sign(SECRET, b));
    }
}
