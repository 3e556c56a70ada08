package vn.citygov.files;

import java.io.InputStream;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.citygov.platform.error.ForbiddenException;
import vn.citygov.platform.error.NotFoundException;
import vn.citygov.platform.security.CityGovUser;
import vn.citygov.platform.security.CurrentUser;

/**
 * Files as the current user may see them: uploads belong to their uploader, and only the owner or a city
 * administrator ({@code files.manage} citywide) may read or delete one. Anyone else is told the file does
 * not exist. Modules that attach files (dossiers, feedback) call this, not the store, for user actions.
 */
@Service
public class FileService {

    public static final String MANAGE = "files.manage";

    private final FileStore store;

    FileService(FileStore store) {
        this.store = store;
    }

    /**
     * Checks and keeps an upload of the current user. Not transactional here on purpose: the store scans
     * before it opens its own short transaction for the row and the audit event.
     */
    public StoredFile upload(InputStream content, String originalName, boolean digitised) {
        CityGovUser user = CurrentUser.get().orElseThrow(ForbiddenException::new);
        if (user.kind() == CityGovUser.UserKind.MACHINE) {
            // Outside systems get no storage until a scope for it exists.
            throw new ForbiddenException();
        }
        return store.put(content, originalName, FileOwner.user(user.id()), digitised);
    }

    /** The file's metadata, if the current user may see it; otherwise 404. */
    @Transactional(readOnly = true)
    public StoredFile get(UUID id) {
        StoredFile file = store.get(id).orElseThrow(() -> notFound(id));
        if (!mayAccess(file)) {
            throw notFound(id);
        }
        return file;
    }

    /** Metadata and an open stream of the content; the caller closes the stream. */
    @Transactional(readOnly = true)
    public Download download(UUID id) {
        StoredFile file = get(id);
        InputStream content = store.content(id).orElseThrow(() -> notFound(id));
        return new Download(file, content);
    }

    @Transactional
    public void delete(UUID id) {
        get(id);
        if (!store.delete(id)) {
            throw notFound(id);
        }
    }

    private static boolean mayAccess(StoredFile file) {
        return CurrentUser.get().map(user -> user.canCitywide(MANAGE)
                        || (file.owner().kind() == FileOwner.Kind.USER && user.kind() != CityGovUser.UserKind.MACHINE
                                && file.owner().id() == user.id()))
                .orElse(false);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("file", id);
    }

    /** A file to send: what it is and its bytes. */
    public record Download(StoredFile file, InputStream content) {
    }
}
