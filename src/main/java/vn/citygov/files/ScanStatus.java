package vn.citygov.files;

/** What the virus scanner said. Rejected files are never stored, so there is no such status. */
public enum ScanStatus {
    /** A real scanner looked and found nothing. */
    CLEAN,
    /** No scanner is installed (the default): the content was accepted unchecked. */
    NOT_SCANNED
}
