package vn.citygov.directory;

import java.util.regex.Pattern;
import vn.citygov.platform.error.InvalidInputException;

/**
 * Shape checks for codes that arrive from paths and filters, so that junk (control characters,
 * overlong strings) never reaches SQL: a code of the wrong shape simply does not exist.
 */
final class Codes {

    private static final Pattern CODE = Pattern.compile(Cleaning.CODE);
    private static final Pattern UNIT = Pattern.compile("[0-9]{5}");

    private Codes() {
    }

    static boolean isCode(String value) {
        return value != null && CODE.matcher(value).matches();
    }

    static boolean isUnitCode(String value) {
        return value != null && UNIT.matcher(value).matches();
    }

    /** A filter value: blank means "any"; anything else must look like a code. */
    static String codeFilter(String field, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String code = value.strip();
        if (!isCode(code)) {
            throw new InvalidInputException(field, "directory.validation.code");
        }
        return code;
    }

    static String unitFilter(String field, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String code = value.strip();
        if (!isUnitCode(code)) {
            throw new InvalidInputException(field, "directory.validation.admin-unit");
        }
        return code;
    }
}
