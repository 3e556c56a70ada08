package vn.citygov.dossiers;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import vn.citygov.platform.error.CityGovException;

/** 409: the action is not allowed from the dossier's state, or someone else changed the dossier first. */
public class DossierConflictException extends CityGovException {

    public DossierConflictException(String code, String messageKey, Object... arguments) {
        super(HttpStatus.CONFLICT, code, messageKey, arguments);
    }

    public static DossierConflictException stale() {
        return new DossierConflictException("stale-version", "dossiers.error.stale-version");
    }

    public static DossierConflictException illegal(String action, String state) {
        return new DossierConflictException("illegal-transition", "dossiers.error.illegal-transition",
                new DefaultMessageSourceResolvable("dossiers.action." + action),
                new DefaultMessageSourceResolvable("dossiers.state." + state));
    }
}
