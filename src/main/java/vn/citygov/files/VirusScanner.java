package vn.citygov.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * Extension point for a virus scanner (ClamAV, a vendor's ICAP gateway…). An installation declares its own
 * bean of this type and the default, which accepts everything unchecked, steps aside. Called after the
 * type and size checks and before anything is kept.
 */
public interface VirusScanner {

    /**
     * Looks at one upload.
     *
     * @param content the whole content, read once; the caller closes it
     * @param mediaType the sniffed type
     * @throws IOException when the scanner cannot answer; the upload is then refused for now (503), never
     *         kept unscanned
     */
    Verdict scan(InputStream content, String originalName, String mediaType) throws IOException;

    /** The answer: accepted (clean or not scanned), or rejected with a reason for the log, never for the caller. */
    record Verdict(boolean accepted, ScanStatus status, String reason) {

        public Verdict {
            if (accepted && status == null) {
                throw new IllegalArgumentException("an accepted file needs a scan status");
            }
        }

        public static Verdict clean() {
            return new Verdict(true, ScanStatus.CLEAN, null);
        }

        public static Verdict notScanned() {
            return new Verdict(true, ScanStatus.NOT_SCANNED, null);
        }

        public static Verdict rejected(String reason) {
            return new Verdict(false, null, reason);
        }
    }
}
