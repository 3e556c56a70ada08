package vn.citygov.files.internal;

import java.io.InputStream;
import vn.citygov.files.VirusScanner;

/**
 * The scanner used when the installation declares none: accepts everything and says so honestly
 * ({@code not_scanned}), so files kept before a real scanner arrives can be found and scanned later.
 */
class PermissiveVirusScanner implements VirusScanner {

    @Override
    public Verdict scan(InputStream content, String originalName, String mediaType) {
        return Verdict.notScanned();
    }
}
