package vn.citygov.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import vn.citygov.files.FileDeleted;
import vn.citygov.files.FileUploaded;
import vn.citygov.files.FileOwner;
import vn.citygov.files.FileRejectedException;
import vn.citygov.files.SampleFiles;
import vn.citygov.files.ScanStatus;
import vn.citygov.files.StoredFile;
import vn.citygov.files.VirusScanner;

/** The filesystem store on its own: where bytes land, and that a refused or failed upload leaves nothing. */
class FilesystemFileStoreUnitTests {

    @TempDir
    Path root;

    final InMemoryRows rows = new InMemoryRows();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T03:00:00Z"), ZoneOffset.UTC);
    final java.util.List<Object> events = new java.util.ArrayList<>();
    final TransactionTemplate transactions = new TransactionTemplate(new NoDatabaseTransactions());

    FilesystemFileStore store(long maxBytes, VirusScanner scanner) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (scanner != null) {
            beans.addBean("scanner", scanner);
        }
        return new FilesystemFileStore(root, maxBytes, beans.getBeanProvider(VirusScanner.class), rows, clock,
                events::add, transactions);
    }

    @Test
    void keepsTheBytesUnderAShardedPathWithTheirDigest() throws Exception {
        FilesystemFileStore store = store(1024, null);
        byte[] pdf = SampleFiles.pdf();
        StoredFile stored = store.put(pdf, "Đơn.pdf", FileOwner.user(7));

        assertThat(stored.id().version()).isEqualTo(7);
        assertThat(stored.mediaType()).isEqualTo("application/pdf");
        assertThat(stored.size()).isEqualTo(pdf.length);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(stored.scanStatus()).isEqualTo(ScanStatus.NOT_SCANNED);
        Path file = store.pathOf(stored.id());
        assertThat(root.relativize(file).getNameCount()).isEqualTo(3);
        assertThat(Files.readAllBytes(file)).isEqualTo(pdf);
        try (InputStream in = store.content(stored.id()).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        assertThat(regularFiles()).containsExactly(file);
        assertThat(events).containsExactly(new FileUploaded(stored));
    }

    @Test
    void aRolledBackCallerTakesTheBytesWithIt() throws Exception {
        FilesystemFileStore store = store(1024, null);
        transactions.executeWithoutResult(status -> {
            store.put(SampleFiles.png(), "x.png", FileOwner.user(1));
            status.setRollbackOnly();
        });
        assertThat(regularFiles()).isEmpty();
    }

    @Test
    void itsOwnCapRefusesWithoutLeavingATemporaryFile() throws Exception {
        FilesystemFileStore store = store(16, null);
        byte[] big = java.util.Arrays.copyOf(SampleFiles.pdf(), 17);
        assertThatThrownBy(() -> store.put(big, "big.pdf", FileOwner.user(1)))
                .isInstanceOfSatisfying(FileRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo("file-too-large");
                    assertThat(e.arguments()).containsExactly("16 B");
                });
        assertThat(regularFiles()).isEmpty();
        assertThat(rows.rows).isEmpty();
        assertThat(store.put(java.util.Arrays.copyOf(SampleFiles.pdf(), 16), "ok.pdf", FileOwner.user(1)).size())
                .isEqualTo(16);
    }

    @Test
    void emptyUnknownAndRenamedContentIsRefusedAndNothingKept() throws Exception {
        FilesystemFileStore store = store(1024, null);
        assertThatThrownBy(() -> store.put(new byte[0], "a.pdf", FileOwner.user(1)))
                .hasFieldOrPropertyWithValue("code", "empty-file");
        assertThatThrownBy(() -> store.put("plain text".getBytes(), "a.pdf", FileOwner.user(1)))
                .hasFieldOrPropertyWithValue("code", "unsupported-file-type");
        assertThatThrownBy(() -> store.put(SampleFiles.png(), "a.pdf", FileOwner.user(1)))
                .hasFieldOrPropertyWithValue("code", "file-type-mismatch");
        assertThat(regularFiles()).isEmpty();
        assertThat(rows.rows).isEmpty();
    }

    @Test
    void anInstalledScannerDecidesAndItsVerdictIsKept() throws Exception {
        FilesystemFileStore store = store(1024, (content, name, type) ->
                new String(content.readAllBytes()).contains("EVIL") ? VirusScanner.Verdict.rejected("marker")
                        : VirusScanner.Verdict.clean());
        byte[] infected = (new String(SampleFiles.pdf()) + "EVIL").getBytes();
        assertThatThrownBy(() -> store.put(infected, "x.pdf", FileOwner.user(1)))
                .hasFieldOrPropertyWithValue("code", "file-rejected-by-scan");
        assertThat(regularFiles()).isEmpty();
        assertThat(store.put(SampleFiles.jpeg(), "x.jpg", FileOwner.user(1)).scanStatus()).isEqualTo(ScanStatus.CLEAN);
    }

    @Test
    void aScannerThatCannotAnswerRefusesTheUploadForNow() throws Exception {
        FilesystemFileStore store = store(1024, (content, name, type) -> {
            throw new IOException("clamd: connection refused");
        });
        assertThatThrownBy(() -> store.put(SampleFiles.pdf(), "x.pdf", FileOwner.user(1)))
                .isInstanceOfSatisfying(FileRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo("scanner-unavailable");
                    assertThat(e.status().value()).isEqualTo(503);
                });
        assertThat(regularFiles()).isEmpty();
        assertThat(rows.rows).isEmpty();
    }

    @Test
    void aFailedMetadataWriteRemovesTheBytes() throws Exception {
        rows.failInserts = true;
        FilesystemFileStore store = store(1024, null);
        assertThatThrownBy(() -> store.put(SampleFiles.png(), "x.png", FileOwner.user(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(regularFiles()).isEmpty();
    }

    @Test
    void deleteForgetsTheRowAndTheBytes() throws Exception {
        FilesystemFileStore store = store(1024, null);
        StoredFile stored = store.put(SampleFiles.png(), "x.png", FileOwner.user(1));
        assertThat(store.delete(stored.id())).isTrue();
        assertThat(events).last().isEqualTo(new FileDeleted(stored));
        assertThat(store.get(stored.id())).isEmpty();
        assertThat(store.content(stored.id())).isEmpty();
        assertThat(regularFiles()).isEmpty();
        assertThat(store.delete(stored.id())).isFalse();
    }

    @Test
    void theSweepRemovesOnlyOldTemporaryFiles() throws Exception {
        FilesystemFileStore store = store(1024, null);
        StoredFile kept = store.put(SampleFiles.pdf(), "x.pdf", FileOwner.user(1));
        Path temp = Files.createDirectories(root.resolve("tmp"));
        Path old = Files.writeString(temp.resolve("upload-1.part"), "half");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(clock.instant().minusSeconds(7200)));
        Path fresh = Files.writeString(temp.resolve("upload-2.part"), "half");
        Files.setLastModifiedTime(fresh, java.nio.file.attribute.FileTime.from(clock.instant().minusSeconds(60)));

        store.sweepTemporaryFiles();

        assertThat(regularFiles()).containsExactlyInAnyOrder(store.pathOf(kept.id()), fresh);
    }

    private java.util.List<Path> regularFiles() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    /** Transactions with synchronisation but no resource, so commit and rollback callbacks run. */
    static final class NoDatabaseTransactions extends AbstractPlatformTransactionManager {

        private boolean active;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected boolean isExistingTransaction(Object transaction) {
            return active; // an inner template joins the outer one, as with a real database
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            active = true;
        }

        @Override
        protected void doCleanupAfterCompletion(Object transaction) {
            active = false;
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }

    /** files_object without a database. */
    static final class InMemoryRows extends FileObjectRepository {

        final Map<UUID, StoredFile> rows = new HashMap<>();
        boolean failInserts;

        InMemoryRows() {
            super(null);
        }

        @Override
        void insert(StoredFile file) {
            if (failInserts) {
                throw new IllegalStateException("database down");
            }
            rows.put(file.id(), file);
        }

        @Override
        Optional<StoredFile> find(UUID id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        boolean delete(UUID id) {
            return rows.remove(id) != null;
        }
    }
}
