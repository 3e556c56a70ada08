package vn.citygov.files;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps attachment content and its metadata. Every implementation applies the same checks on
 * {@link #put}: sniffed type (PDF, JPEG, PNG), size cap, non-empty, virus scan, cleaned name; a refused
 * file raises {@link FileRejectedException} and leaves nothing behind. Storing and deleting publish
 * {@link FileUploaded} and {@link FileDeleted} in the transaction that writes the metadata (the
 * caller's, when there is one).
 *
 * <p>The filesystem store is the default. The interface names no paths, so an S3-compatible store can
 * implement it with the same checks ({@link MediaTypes}, {@link FileNames}, the {@link VirusScanner}) and
 * keep its bytes under the same ids. No authorisation here: {@link FileService} decides who may see what.
 */
public interface FileStore {

    /** Checks and keeps the content, read to its end (the caller closes it). */
    StoredFile put(InputStream content, String originalName, FileOwner owner, boolean digitised);

    default StoredFile put(byte[] content, String originalName, FileOwner owner) {
        return put(new ByteArrayInputStream(content), originalName, owner, false);
    }

    Optional<StoredFile> get(UUID id);

    /** The content of a stored file; empty when the id is unknown. The caller closes the stream. */
    Optional<InputStream> content(UUID id);

    /** Forgets the file; its bytes go once the surrounding transaction commits. False when unknown. */
    boolean delete(UUID id);
}
