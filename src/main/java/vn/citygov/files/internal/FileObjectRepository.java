package vn.citygov.files.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.citygov.files.FileOwner;
import vn.citygov.files.ScanStatus;
import vn.citygov.files.StoredFile;

/** SQL for files_object: one row per stored file, whatever store keeps its bytes. */
@Repository
class FileObjectRepository {

    private static final String INSERT = """
            INSERT INTO files_object (id, owner_kind, owner_id, original_name, media_type, size_bytes, sha256,
                digitised, scan_status, created_at)
            VALUES (:id, :ownerKind, :ownerId, :name, :mediaType, :size, :sha256, :digitised, :scanStatus, :createdAt)
            """;
    private static final String FIND = """
            SELECT id, owner_kind, owner_id, original_name, media_type, size_bytes, sha256, digitised, scan_status,
                   created_at
            FROM files_object WHERE id = :id
            """;
    private static final String DELETE = "DELETE FROM files_object WHERE id = :id";

    private final JdbcClient jdbc;

    FileObjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredFile file) {
        jdbc.sql(INSERT).param("id", file.id()).param("ownerKind", file.owner().kind().name().toLowerCase())
                .param("ownerId", file.owner().id()).param("name", file.originalName())
                .param("mediaType", file.mediaType()).param("size", file.size()).param("sha256", file.sha256())
                .param("digitised", file.digitised()).param("scanStatus", file.scanStatus().name().toLowerCase())
                .param("createdAt", file.createdAt()).update();
    }

    Optional<StoredFile> find(UUID id) {
        return jdbc.sql(FIND).param("id", id).query(FileObjectRepository::map).optional();
    }

    boolean delete(UUID id) {
        return jdbc.sql(DELETE).param("id", id).update() == 1;
    }

    private static StoredFile map(ResultSet rs, int row) throws SQLException {
        return new StoredFile(rs.getObject("id", UUID.class),
                new FileOwner(FileOwner.Kind.valueOf(rs.getString("owner_kind").toUpperCase()), rs.getLong("owner_id")),
                rs.getString("original_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getBoolean("digitised"),
                ScanStatus.valueOf(rs.getString("scan_status").toUpperCase()),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
