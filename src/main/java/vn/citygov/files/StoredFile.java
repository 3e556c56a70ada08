package vn.citygov.files;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What CityGov knows about a stored file. The content itself is read through {@link FileStore#content}.
 *
 * @param originalName the name given at upload, NFC-normalised and cleaned (see {@link FileNames})
 * @param mediaType the type sniffed from the bytes, never the one the client declared
 * @param sha256 hex digest of the content, for integrity checks and de-duplication
 * @param digitised whether this is a scanned copy of a paper document (số hóa)
 */
public record StoredFile(UUID id, FileOwner owner, String originalName, String mediaType, long size, String sha256,
        boolean digitised, ScanStatus scanStatus, OffsetDateTime createdAt) {
}
