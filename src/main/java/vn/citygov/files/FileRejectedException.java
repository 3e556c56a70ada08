package vn.citygov.files;

import org.springframework.http.HttpStatus;
import vn.citygov.platform.error.CityGovException;

/**
 * An upload refused by the checks: wrong type, empty, too large, refused by the virus scanner, or not
 * checkable now because the scanner is down.
 */
public class FileRejectedException extends CityGovException {

    private FileRejectedException(HttpStatus status, String code, String messageKey, Object... arguments) {
        super(status, code, messageKey, arguments);
    }

    public static FileRejectedException unsupportedType() {
        return new FileRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file-type",
                "files.error.unsupported-type");
    }

    /** The name says one accepted type and the content is another: a renamed file, refused to avoid confusion. */
    public static FileRejectedException typeMismatch(String claimed, String actual) {
        return new FileRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file-type-mismatch",
                "files.error.type-mismatch", MediaTypes.extensionOf(claimed), MediaTypes.extensionOf(actual));
    }

    public static FileRejectedException empty() {
        return new FileRejectedException(HttpStatus.BAD_REQUEST, "empty-file", "files.error.empty");
    }

    public static FileRejectedException tooLarge(long maxBytes) {
        return new FileRejectedException(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "files.error.too-large",
                maxBytes / (1024 * 1024) > 0 && maxBytes % (1024 * 1024) == 0
                        ? (maxBytes / (1024 * 1024)) + " MiB" : maxBytes + " B");
    }

    /** The scanner could not answer: fail closed, and let the sender try again later. */
    public static FileRejectedException scannerUnavailable() {
        return new FileRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "scanner-unavailable",
                "files.error.scanner-unavailable");
    }

    public static FileRejectedException infected() {
        return new FileRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "file-rejected-by-scan",
                "files.error.rejected-by-scan");
    }
}
