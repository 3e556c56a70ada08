package vn.citygov.dossiers.internal.documents;

/** How the applicant receives the result, in the forms' words. */
final class Delivery {

    private Delivery() {
    }

    static String text(String delivery, String postalAddress) {
        return switch (delivery == null ? "" : delivery) {
            case "desk" -> "Nhận trực tiếp tại Bộ phận Một cửa";
            case "post" -> "Qua dịch vụ bưu chính công ích" + (postalAddress == null ? "" : ", địa chỉ: " + postalAddress);
            case "electronic" -> "Bản điện tử trên Cổng dịch vụ công";
            default -> delivery;
        };
    }
}
