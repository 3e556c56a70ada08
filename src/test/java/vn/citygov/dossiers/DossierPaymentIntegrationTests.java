package vn.citygov.dossiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.citygov.payments.GatewayCallback;
import vn.citygov.payments.internal.SandboxGateway;
import vn.citygov.support.ApiClient;
import vn.citygov.support.ApiClient.Response;
import vn.citygov.support.IntegrationTest;
import vn.citygov.support.OnlineFiling;

/**
 * Paying a dossier's fee online as part of submitting it: the sandbox gateway's signed callback settles the
 * payment, the dossier shows it with its receipt, and a refusal after payment refunds it.
 */
@IntegrationTest
class DossierPaymentIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SandboxGateway sandbox;

    @Autowired
    vn.citygov.payments.internal.PaymentRepository paymentRows;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ApiClient api;
    ApiClient citizen;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        citizen = api.as("congdan");
    }

    /** A judicial record certificate (200.000 ₫ online), filed from a draft; its only upload is conditional. */
    JsonNode submittedJudicialRecord() {
        Map<String, Object> body = new java.util.LinkedHashMap<>(DossierFeeIntegrationTests.judicialRecord());
        Response draft = citizen.post("/api/v1/dossier-drafts", body);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        Response submitted = citizen.post("/api/v1/dossier-drafts/" + draft.json().get("id").asLong() + "/submit",
                Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json();
    }

    /**
     * The index's measures recorded for the dossier so far, summed over its facts, once the payment's fact arrived
     * (from the event outbox, after the commit).
     */
    Map<String, Long> awaitIndexFacts(long dossierId) {
        long until = System.nanoTime() + 10_000_000_000L;
        Map<String, Long> sums = Map.of();
        while (System.nanoTime() < until) {
            sums = jdbc.sql("""
                    SELECT m.key, sum(m.value::bigint) FROM insight_fact f, jsonb_each_text(f.measures) m
                     WHERE f.subject_ref = '#' || :id GROUP BY m.key
                    """).param("id", dossierId).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                    .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            if (sums.containsKey("dossier.paid_online")) {
                return sums;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return sums;
    }

    GatewayCallback callback(String paymentId, String outcome) {
        return sandbox.callbackFor(paymentRows.find(UUID.fromString(paymentId)).orElseThrow(), outcome);
    }

    @Test
    void theFeeIsPaidThroughTheSandboxAndRefundedWhenTheDossierIsRefused() {
        JsonNode submitted = submittedJudicialRecord();
        long dossierId = submitted.get("dossier").get("id").asLong();
        JsonNode payment = submitted.get("payment");
        assertThat(payment.get("amountVnd").asLong()).isEqualTo(200_000);
        assertThat(payment.get("status").asString()).isEqualTo("pending");
        String paymentId = payment.get("paymentId").asString();
        assertThat(payment.get("redirectUrl").asString()).isEqualTo("/payments/sandbox/" + paymentId);
        assertThat(citizen.post("/api/v1/dossiers/" + dossierId + "/payments", Map.of()).status())
                .as("one pending payment at a time").isEqualTo(409);

        GatewayCallback paid = callback(paymentId, "paid");
        Response confirmed = api.post("/api/v1/payments/callback", paid);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(api.post("/api/v1/payments/callback", paid).status()).as("a replayed callback").isEqualTo(409);
        assertThat(awaitIndexFacts(dossierId)).as("the index counts the fee and the online payment, once each")
                .containsEntry("dossier.fee_bearing", 1L).containsEntry("dossier.paid_online", 1L);

        JsonNode shown = citizen.get("/api/v1/dossiers/" + dossierId + "/payments").json();
        assertThat(shown.size()).isEqualTo(1);
        assertThat(shown.get(0).get("status").asString()).isEqualTo("paid");
        assertThat(shown.get(0).get("receiptNumber").asString()).startsWith("BL-");
        assertThat(api.as("admin").get("/api/v1/dossiers/" + dossierId + "/payments").json().get(0).get("status")
                .asString()).as("the desk sees it too").isEqualTo("paid");
        assertThat(api.as("doanhnghiep").get("/api/v1/dossiers/" + dossierId + "/payments").status()).isEqualTo(404);

        JsonNode dossier = citizen.get("/api/v1/dossiers/" + dossierId).json();
        Response refused = api.as("admin").post("/api/v1/dossiers/" + dossierId + "/actions", Map.of("action", "refuse",
                "comment", "Không thuộc thẩm quyền", "version", dossier.get("version").asInt()));
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(citizen.get("/api/v1/dossiers/" + dossierId + "/payments").json().get(0).get("status").asString())
                .isEqualTo("refunded");
        assertThat(citizen.get("/api/v1/payments/" + paymentId).json().get("status").asString()).isEqualTo("refunded");
    }

    @Test
    void thePaidFeeHasAReceiptForTheApplicantAndTheAgencyOnly() throws Exception {
        JsonNode submitted = submittedJudicialRecord();
        long dossierId = submitted.get("dossier").get("id").asLong();
        String paymentId = submitted.get("payment").get("paymentId").asString();
        Response unpaid = citizen.get("/api/v1/dossiers/" + dossierId + "/receipt.pdf");
        assertThat(unpaid.status()).as("nothing paid yet").isEqualTo(409);
        assertThat(unpaid.isProblem()).isTrue();
        assertThat(unpaid.json().get("code").asString()).isEqualTo("conflict");

        assertThat(api.post("/api/v1/payments/callback", callback(paymentId, "paid")).status()).isEqualTo(200);
        String receiptNumber = citizen.get("/api/v1/dossiers/" + dossierId + "/payments").json().get(0)
                .get("receiptNumber").asString();
        // Before acceptance the dossier has no code yet: the receipt is asked for by id.
        assertThat(DossierDocumentsIntegrationTests.text(citizen.getBytes("/api/v1/dossiers/" + dossierId
                + "/receipt.pdf"))).contains("BIÊN LAI THU PHÍ, LỆ PHÍ", receiptNumber, "200.000",
                "Người nộp tiền: " + submitted.get("dossier").get("applicantName").asString(), "Chưa cấp");

        JsonNode dossier = citizen.get("/api/v1/dossiers/" + dossierId).json();
        Response accepted = api.as("admin").post("/api/v1/dossiers/" + dossierId + "/actions",
                Map.of("action", "accept", "version", dossier.get("version").asInt()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        String code = accepted.json().get("code").asString();
        String path = "/api/v1/dossiers/" + code + "/receipt.pdf";
        java.net.http.HttpResponse<byte[]> pdf = citizen.getBytes(path);
        String text = DossierDocumentsIntegrationTests.text(pdf);
        String paidAt = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(
                java.time.Instant.parse(citizen.get("/api/v1/dossiers/" + dossierId + "/payments").json().get(0)
                        .get("paidAt").asString()).atZone(DossierDocumentsIntegrationTests.HCMC));
        assertThat(text).contains("Số biên lai: " + receiptNumber, "Mã hồ sơ: " + code, "lý lịch tư pháp",
                "Tổng cộng200.000", paidAt, "Trực tuyến qua cổng thanh toán", "/lookup?code=" + code,
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains(receiptNumber);
        assertThat(DossierDocumentsIntegrationTests.text(api.as("admin").getBytes(path))).contains(receiptNumber);

        Response other = api.as("doanhnghiep").get(path);
        assertThat(other.status()).as("another citizen's dossier does not exist for them").isEqualTo(404);
        assertThat(other.isProblem()).isTrue();
        Response outside = api.as("canbo").get(path);
        assertThat(outside.status()).as("an official of another agency").isEqualTo(403);
        assertThat(outside.isProblem()).isTrue();
        assertThat(citizen.get("/api/v1/dossiers/H29-000000-000000-AAAAA/receipt.pdf").status()).isEqualTo(404);
        assertThat(citizen.get("/api/v1/dossiers/nonsense/receipt.pdf").status()).isEqualTo(404);

        // The dossier page links it, for the applicant and the agency's officials alike.
        DossierRatingIntegrationTests.Page page = new DossierRatingIntegrationTests.Page(port).login("congdan");
        assertThat(page.get("/dossiers/" + dossierId).body()).contains("id=\"payment-receipt-pdf\"",
                "/dossiers/" + dossierId + "/payment-receipt.pdf");
        assertThat(page.get("/dossiers/" + dossierId + "/payment-receipt.pdf").headers().firstValue("Content-Type")
                .orElse("")).startsWith("application/pdf");
        DossierRatingIntegrationTests.Page official = new DossierRatingIntegrationTests.Page(port).login("admin");
        assertThat(official.get("/dossiers/" + dossierId).body()).contains("id=\"payment-receipt-pdf\"");
    }

    @Test
    void theDeskRecordsACounterFeeAsPaidAndPrintsItsReceipt() throws Exception {
        ApiClient desk = api.as("admin");
        Map<String, Object> body = new java.util.LinkedHashMap<>(DossierFeeIntegrationTests.judicialRecord());
        body.put("channel", "counter");
        body.put("applicantName", "Hồ Thị Quầy");
        Response filed = OnlineFiling.post(desk, body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long id = filed.json().get("id").asLong();
        long fee = filed.json().get("feeVnd").asLong();
        assertThat(fee).isPositive();
        assertThat(desk.get("/api/v1/dossiers/" + id + "/receipt.pdf").status()).isEqualTo(409);
        assertThat(api.as("canbo").post("/api/v1/dossiers/" + id + "/payments/desk", Map.of()).status())
                .as("a desk of another agency").isEqualTo(403);

        DossierRatingIntegrationTests.Page page = new DossierRatingIntegrationTests.Page(port).login("admin");
        assertThat(page.get("/dossiers/" + id).body()).as("the desk is offered to record it")
                .contains("id=\"payment-desk\"", "/dossiers/" + id + "/pay-at-desk");

        Response paid = desk.post("/api/v1/dossiers/" + id + "/payments/desk", Map.of());
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().get("status").asString()).isEqualTo("paid");
        assertThat(paid.json().get("amountVnd").asLong()).isEqualTo(fee);
        String receiptNumber = paid.json().get("receiptNumber").asString();
        assertThat(receiptNumber).startsWith("BL-");
        assertThat(desk.post("/api/v1/dossiers/" + id + "/payments/desk", Map.of()).status()).as("paid already")
                .isEqualTo(409);
        assertThat(jdbc.sql("""
                SELECT CAST(changes AS jsonb)->>'online' FROM audit_entry WHERE object_type = 'dossier' AND object_id = :id
                   AND action = 'fee_paid'
                """).param("id", String.valueOf(id)).query(String.class).list())
                .as("audited once, as cash: the index does not count it as paid online").containsExactly("false");
        String text = DossierDocumentsIntegrationTests.text(desk.getBytes("/api/v1/dossiers/" + id + "/receipt.pdf"));
        assertThat(text).contains(receiptNumber, "Hồ Thị Quầy", "Tại quầy một cửa",
                String.format("%,d", fee).replace(',', '.'));
        assertThat(citizen.post("/api/v1/dossiers/" + id + "/payments/desk", Map.of()).status())
                .as("a citizen: no such dossier for them").isEqualTo(404);
        assertThat(page.get("/dossiers/" + id).body()).contains("id=\"payment-receipt-pdf\"", receiptNumber)
                .doesNotContain("id=\"payment-desk\"");
    }

    @Test
    void aPaidDossierWithdrawnByItsApplicantIsRefundedAndAPendingOneIsLeftAlone() {
        JsonNode submitted = submittedJudicialRecord();
        long dossierId = submitted.get("dossier").get("id").asLong();
        String paymentId = submitted.get("payment").get("paymentId").asString();
        assertThat(api.post("/api/v1/payments/callback", callback(paymentId, "paid")).status()).isEqualTo(200);
        JsonNode dossier = citizen.get("/api/v1/dossiers/" + dossierId).json();
        Response withdrawn = citizen.post("/api/v1/dossiers/" + dossierId + "/actions", Map.of("action", "withdraw",
                "version", dossier.get("version").asInt()));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(citizen.get("/api/v1/dossiers/" + dossierId + "/payments").json().get(0).get("status").asString())
                .isEqualTo("refunded");

        JsonNode unpaid = submittedJudicialRecord();
        long unpaidId = unpaid.get("dossier").get("id").asLong();
        JsonNode d = citizen.get("/api/v1/dossiers/" + unpaidId).json();
        assertThat(citizen.post("/api/v1/dossiers/" + unpaidId + "/actions", Map.of("action", "withdraw",
                "version", d.get("version").asInt())).status()).isEqualTo(200);
        assertThat(citizen.get("/api/v1/dossiers/" + unpaidId + "/payments").json().get(0).get("status").asString())
                .as("nothing was paid, nothing is refunded").isEqualTo("pending");
        assertThat(citizen.post("/api/v1/dossiers/" + unpaidId + "/payments", Map.of()).status())
                .as("a closed dossier takes no payment").isEqualTo(409);
    }

    @Test
    void aCancelledPaymentCanBeStartedAgainByTheApplicantOnly() {
        JsonNode submitted = submittedJudicialRecord();
        long dossierId = submitted.get("dossier").get("id").asLong();
        String first = submitted.get("payment").get("paymentId").asString();
        assertThat(api.post("/api/v1/payments/callback", callback(first, "cancelled")).status()).isEqualTo(200);
        assertThat(citizen.get("/api/v1/dossiers/" + dossierId + "/payments").json().get(0).get("status").asString())
                .isEqualTo("cancelled");

        assertThat(api.as("doanhnghiep").post("/api/v1/dossiers/" + dossierId + "/payments", Map.of()).status())
                .isEqualTo(404);
        assertThat(api.as("admin").post("/api/v1/dossiers/" + dossierId + "/payments", Map.of()).status())
                .isEqualTo(403);
        Response again = citizen.post("/api/v1/dossiers/" + dossierId + "/payments", Map.of());
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("status").asString()).isEqualTo("pending");
        assertThat(citizen.get("/api/v1/dossiers/" + dossierId + "/payments").json().size()).isEqualTo(2);
    }

    @Test
    void aFreeDossierHasNothingToPayAndAPaymentNamingSomeoneElsesDossierIsNotLinked() {
        Response free = OnlineFiling.post(citizen, OnlineFiling.birth("26740"));
        long freeId = free.json().get("id").asLong();
        assertThat(citizen.post("/api/v1/dossiers/" + freeId + "/payments", Map.of()).status()).isEqualTo(409);

        // Another person pays "for" this dossier through the payments API: the dossier does not count it.
        Response foreign = api.as("doanhnghiep").post("/api/v1/payments", Map.of("reference", "dossier-" + freeId,
                "procedureCode", "2.000488", "channel", "online"));
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(201);
        assertThat(citizen.get("/api/v1/dossiers/" + freeId + "/payments").json().size()).isZero();
    }
}
