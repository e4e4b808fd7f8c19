package org.orderdesk.bench.locks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.orderdesk.lock.LockHolder;

/**
 * The floor of a lock: the least SQL that still takes a lock row with a fencing token from a
 * sequence and audits it, on copies of {@code edit_locks} and {@code lock_audit} (same columns,
 * keys, checks and indexes) in the same database, through the application's pool, in bare JDBC.
 * Acquire is one transaction of a conditional insert ({@code ON CONFLICT DO NOTHING} on
 * PostgreSQL, {@code MERGE ... WHEN NOT MATCHED} on H2) and an audit insert; release one of an
 * audit insert and a {@code DELETE}: one audit row each, as the engine writes.
 */
final class FloorHolds implements HoldPath {

    private static final String LOCK_COLUMNS = "resource_type, resource_id, holder_username, holder_display_name,"
            + " holder_key, token, acquired_at, renewed_at, expires_at, expiry_warned";
    private static final String AUDIT_COLUMNS = "id, occurred_at, resource_type, resource_id, action, token,"
            + " holder_username, holder_display_name, actor_username, actor_display_name, reason";
    private static final String POSTGRES_ACQUIRE = "insert into bench_lock_floor (" + LOCK_COLUMNS + ")"
            + " values (?, ?, ?, ?, ?, nextval('bench_lock_floor_token_seq'), ?, ?, ?, false) on conflict do nothing";
    private static final String H2_ACQUIRE = "merge into bench_lock_floor f"
            + " using (values (cast(? as varchar(30)), cast(? as bigint))) s (resource_type, resource_id)"
            + " on f.resource_type = s.resource_type and f.resource_id = s.resource_id"
            + " when not matched then insert (" + LOCK_COLUMNS + ") values (s.resource_type, s.resource_id,"
            + " ?, ?, ?, nextval('bench_lock_floor_token_seq'), ?, ?, ?, false)";
    /** The audit row is written from the lock row, so that the token never travels to the client and back. */
    private static final String AUDIT = "insert into bench_lock_audit_floor (" + AUDIT_COLUMNS + ")"
            + " select nextval('bench_lock_audit_floor_seq'), ?, resource_type, resource_id, ?, token,"
            + " holder_username, holder_display_name, holder_username, holder_display_name, null"
            + " from bench_lock_floor where resource_type = 'ORDER' and resource_id = ? and holder_key = ?";

    private static final String DELETE =
            "delete from bench_lock_floor where resource_type = 'ORDER' and resource_id = ? and holder_key = ?";

    private final DataSource pool;
    private final String acquireSql;

    private FloorHolds(DataSource pool, String acquireSql) {
        this.pool = pool;
        this.acquireSql = acquireSql;
    }

    /** Creates the floor's tables (dropping earlier ones) and returns the floor on them. */
    static FloorHolds create(LockBenchApp app) {
        FloorTables.create(app.jdbc());
        return new FloorHolds(app.dataSource(), app.kind() == LockBenchApp.Kind.H2 ? H2_ACQUIRE : POSTGRES_ACQUIRE);
    }

    @Override
    public String name() {
        return "floor (bare JDBC)";
    }

    @Override
    public long acquire(long orderId, LockHolder holder) {
        OffsetDateTime now = Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            int inserted;
            try (PreparedStatement insert = connection.prepareStatement(acquireSql)) {
                insert.setString(1, "ORDER");
                insert.setLong(2, orderId);
                insert.setString(3, holder.username());
                insert.setString(4, holder.displayName());
                insert.setString(5, holder.holderKey());
                insert.setObject(6, now);
                insert.setObject(7, now);
                insert.setObject(8, now.plusMinutes(2));
                inserted = insert.executeUpdate();
            }
            if (inserted == 1) {
                audit(connection, "ACQUIRED", orderId, holder, now);
            }
            connection.commit();
            return inserted == 1 ? 1 : -1;
        } catch (SQLIntegrityConstraintViolationException lostRace) {
            // H2's MERGE does not wait for a concurrent insert of the same key: the loser is refused.
            return -1;
        } catch (SQLException e) {
            throw new IllegalStateException("floor acquire failed", e);
        }
    }

    @Override
    public void release(long orderId, LockHolder holder, long token) {
        OffsetDateTime now = Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            audit(connection, "RELEASED", orderId, holder, now);
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                delete.setLong(1, orderId);
                delete.setString(2, holder.holderKey());
                if (delete.executeUpdate() != 1) {
                    throw new IllegalStateException("floor lost the lock of order " + orderId);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("floor release failed", e);
        }
    }

    private static void audit(Connection connection, String action, long orderId, LockHolder holder, OffsetDateTime at)
            throws SQLException {
        try (PreparedStatement audit = connection.prepareStatement(AUDIT)) {
            audit.setObject(1, at);
            audit.setString(2, action);
            audit.setLong(3, orderId);
            audit.setString(4, holder.holderKey());
            if (audit.executeUpdate() != 1) {
                throw new IllegalStateException("no floor lock row to audit for order " + orderId);
            }
        }
    }
}
