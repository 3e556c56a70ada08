package vn.citygov.platform.database;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Parameter values that keep a prepared statement's plan. The JDBC driver re-parses and re-plans a statement
 * whenever a parameter's type differs from the one it was prepared with, and a null goes out untyped: so a
 * nullable parameter must go out untyped when set too (timestamps as {@link Timestamp}, which the driver sends
 * untyped, rather than {@code OffsetDateTime}), or typed when null (integers).
 */
public final class SqlParams {

    private static final SqlParameterValue NULL_INTEGER = new SqlParameterValue(Types.INTEGER, null);
    private static final SqlParameterValue NULL_BOOLEAN = new SqlParameterValue(Types.BOOLEAN, null);

    private SqlParams() {
    }

    /** A {@code timestamptz} value, set or null, always bound the same way. */
    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** An {@code integer} value, set or null, always bound as an integer. */
    public static Object integer(Integer value) {
        return value == null ? NULL_INTEGER : value;
    }

    /** A {@code boolean} value, set or null, always bound as a boolean. */
    public static Object bool(Boolean value) {
        return value == null ? NULL_BOOLEAN : value;
    }
}
