package vn.citygov.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.citygov.files.FileDeleted;
import vn.citygov.files.FileNames;
import vn.citygov.files.FileOwner;
import vn.citygov.files.FileRejectedException;
import vn.citygov.files.FileStore;
import vn.citygov.files.MediaTypes;
import vn.citygov.files.FileUploaded;
import vn.citygov.files.StoredFile;
import vn.citygov.files.VirusScanner;
import vn.citygov.platform.database.AfterCommit;

/**
 * Keeps file content under {@code citygov.files.directory}, in two levels of directories taken from the
 * id so no directory grows huge. Content is streamed to a temporary file in the same directory tree,
 * checked, then moved into place atomically: a crash never leaves half a file under an id. Checks and the
 * scan run before any transaction of ours, so a slow scanner holds no database connection; the row and
 * its audit event are then written together.
 */
@Component
class FilesystemFileStore implements FileStore {

    private static final Logger log = LoggerFactory.getLogger(FilesystemFileStore.class);

    private final Path root;
    private final Path temp;
    private final long maxBytes;
    private final VirusScanner scanner;
    private final FileObjectRepository repository;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    FilesystemFileStore(@Value("${citygov.files.directory:${CITYGOV_DATA_DIR:var}/files}") Path root,
            @Value("${citygov.files.max-bytes:10485760}") long maxBytes, ObjectProvider<VirusScanner> scanners,
            FileObjectRepository repository, Clock clock, ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.root = root.toAbsolutePath().normalize();
        this.temp = this.root.resolve("tmp");
        this.maxBytes = maxBytes;
        // An installation's own scanner bean wins; without one, accept unchecked and record that.
        this.scanner = scanners.getIfAvailable(PermissiveVirusScanner::new);
        this.repository = repository;
        this.clock = clock;
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public StoredFile put(InputStream content, String originalName, FileOwner owner, boolean digitised) {
        String name = FileNames.clean(originalName);
        Path upload = null;
        try {
            Files.createDirectories(temp);
            upload = Files.createTempFile(temp, "upload-", ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] head = new byte[MediaTypes.HEAD_LENGTH];
            long size = copy(content, upload, sha256, head);
            if (size == 0) {
                throw FileRejectedException.empty();
            }
            String mediaType = MediaTypes.sniff(head, (int) Math.min(size, head.length))
                    .orElseThrow(FileRejectedException::unsupportedType);
            String claimed = MediaTypes.claimedBy(name).orElse(mediaType);
            if (!claimed.equals(mediaType)) {
                throw FileRejectedException.typeMismatch(claimed, mediaType);
            }
            name = FileNames.shortened(MediaTypes.nameFor(name, mediaType));
            VirusScanner.Verdict verdict = scan(upload, name, mediaType);
            if (verdict == null || !verdict.accepted()) {
                log.warn("Upload refused by the virus scanner: {}", verdict == null ? "no verdict" : verdict.reason());
                throw FileRejectedException.infected();
            }
            UUID id = UuidV7.next(clock.millis());
            Path target = pathOf(id);
            Files.createDirectories(target.getParent());
            move(upload, target);
            StoredFile stored = new StoredFile(id, owner, name, mediaType, size,
                    HexFormat.of().formatHex(sha256.digest()), digitised, verdict.status(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
            try {
                transactions.executeWithoutResult(status -> {
                    repository.insert(stored);
                    events.publishEvent(new FileUploaded(stored));
                    // Joined to a caller's transaction: its rollback must take the bytes too.
                    afterRollback(() -> deleteQuietly(target));
                });
            } catch (RuntimeException e) {
                deleteQuietly(target);
                throw e;
            }
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store an upload", e);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        } finally {
            if (upload != null) {
                deleteQuietly(upload);
            }
        }
    }

    @Override
    public Optional<StoredFile> get(UUID id) {
        return repository.find(id);
    }

    @Override
    public Optional<InputStream> content(UUID id) {
        if (repository.find(id).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(pathOf(id)));
        } catch (NoSuchFileException e) {
            log.error("File {} is in the database but its content is missing from {}", id, root);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean delete(UUID id) {
        Boolean deleted = transactions.execute(status -> {
            Optional<StoredFile> file = repository.find(id);
            if (file.isEmpty() || !repository.delete(id)) {
                return false;
            }
            events.publishEvent(new FileDeleted(file.get()));
            removeAfterCommit(pathOf(id));
            return true;
        });
        return Boolean.TRUE.equals(deleted);
    }

    private static void removeAfterCommit(Path target) {
        // Bytes go only once the row is surely gone; a rollback keeps both.
        AfterCommit.run(() -> deleteQuietly(target));
    }

    /** Removes temporary files a crash or a killed request left behind; a live upload is far younger. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void sweepTemporaryFiles() {
        if (!Files.isDirectory(temp)) {
            return;
        }
        java.time.Instant before = clock.instant().minus(java.time.Duration.ofHours(1));
        try (java.util.stream.Stream<Path> files = Files.list(temp)) {
            files.filter(f -> f.getFileName().toString().endsWith(".part")).forEach(f -> {
                try {
                    if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                        deleteQuietly(f);
                    }
                } catch (IOException e) {
                    log.debug("Could not look at {}: {}", f, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("Could not sweep {}: {}", temp, e.getMessage());
        }
    }

    Path pathOf(UUID id) {
        String hex = id.toString().replace("-", "");
        // Shard by the random tail, not the time-ordered head, so files spread evenly over directories.
        return root.resolve(hex.substring(30, 32)).resolve(hex.substring(28, 30)).resolve(id.toString());
    }

    private VirusScanner.Verdict scan(Path upload, String name, String mediaType) {
        try (InputStream in = Files.newInputStream(upload)) {
            return scanner.scan(in, name, mediaType);
        } catch (IOException | RuntimeException e) {
            log.error("The virus scanner failed; upload refused for now", e);
            throw FileRejectedException.scannerUnavailable();
        }
    }

    /** Copies to the file while hashing and counting; stops as soon as the cap is passed. */
    private long copy(InputStream in, Path file, MessageDigest digest, byte[] head) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (size < head.length) {
                    System.arraycopy(buffer, 0, head, (int) size, (int) Math.min(n, head.length - size));
                }
                size += n;
                if (size > maxBytes) {
                    throw FileRejectedException.tooLarge(maxBytes);
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return size;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void afterRollback(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        action.run();
                    }
                }
            });
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
