package vn.citygov.payments;

import org.springframework.http.HttpStatus;
import vn.citygov.platform.error.CityGovException;

/** A gateway callback that is not acted on: forged, replayed, out of order or not matching the payment. */
public class CallbackRefusedException extends CityGovException {

    private CallbackRefusedException(HttpStatus status, String code, String messageKey) {
        super(status, code, messageKey);
    }

    public static CallbackRefusedException badSignature() {
        return new CallbackRefusedException(HttpStatus.BAD_REQUEST, "invalid-signature", "payments.error.signature");
    }

    public static CallbackRefusedException malformed() {
        return new CallbackRefusedException(HttpStatus.BAD_REQUEST, "invalid-callback", "payments.error.callback");
    }

    public static CallbackRefusedException replayed() {
        return new CallbackRefusedException(HttpStatus.CONFLICT, "callback-replayed", "payments.error.replayed");
    }

    public static CallbackRefusedException outOfOrder() {
        return new CallbackRefusedException(HttpStatus.CONFLICT, "callback-out-of-order", "payments.error.out-of-order");
    }

    public static CallbackRefusedException mismatch() {
        return new CallbackRefusedException(HttpStatus.CONFLICT, "callback-mismatch", "payments.error.mismatch");
    }
}
