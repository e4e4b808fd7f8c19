package org.orderdesk.lock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All lock SQL in one place. Plain SQL that H2 and PostgreSQL both run unchanged: {@code SELECT
 * ... FOR UPDATE}, conditional {@code UPDATE}/{@code DELETE}, {@code nextval} and {@code OFFSET
 * ... FETCH}. Instants travel as UTC {@link OffsetDateTime}, which both drivers map to {@code
 * timestamp with time zone}.
 */
@Repository
class JdbcLockStore implements LockStore {

    private static final String LOCK_COLUMNS = "resource_type, resource_id, holder_username, holder_display_name,"
            + " holder_key, token, acquired_at, renewed_at, expires_at, expiry_warned";
    private static final String BY_RESOURCE = " where resource_type = :type and resource_id = :id";
    private static final String AUDIT_COLUMNS = "id, occurred_at, resource_type, resource_id, action, token,"
            + " holder_username, holder_display_name, actor_username, actor_display_name, reason";
    /** The actions that end a hold; each hold has at most one of them. */
    private static final String ENDINGS = "('RELEASED', 'EXPIRED', 'TAKEN_OVER', 'BROKEN')";
    /** Renewals are counted on the hold's row after it was written, never inserted with it. */
    private static final String AUDIT_READ_COLUMNS = AUDIT_COLUMNS + ", renewals, last_renewed_at";

    private static final RowMapper<LockInfo> LOCK = (rs, row) -> new LockInfo(
            new ResourceId(rs.getString("resource_type"), rs.getLong("resource_id")),
            new LockHolder(
                    rs.getString("holder_username"), rs.getString("holder_display_name"), rs.getString("holder_key")),
            rs.getLong("token"),
            instant(rs, "acquired_at"),
            instant(rs, "renewed_at"),
            instant(rs, "expires_at"),
            rs.getBoolean("expiry_warned"));

    private static final RowMapper<LockAuditEntry> AUDIT = (rs, row) -> new LockAuditEntry(
            rs.getLong("id"),
            instant(rs, "occurred_at"),
            new ResourceId(rs.getString("resource_type"), rs.getLong("resource_id")),
            LockAction.valueOf(rs.getString("action")),
            rs.getLong("token"),
            new LockUser(rs.getString("holder_username"), rs.getString("holder_display_name")),
            user(rs.getString("actor_username"), rs.getString("actor_display_name")),
            rs.getString("reason"),
            rs.getInt("renewals"),
            nullableInstant(rs, "last_renewed_at"));

    /** A hold's ACQUIRED entry (h), the first entry that ended it (e) and its lock row (l), all optional but h. */
    private static final RowMapper<StoredHold> HOLD = (rs, row) -> {
        String endAction = rs.getString("end_action");
        LockUser holder = new LockUser(rs.getString("holder_username"), rs.getString("holder_display_name"));
        ResourceId resource = new ResourceId(rs.getString("resource_type"), rs.getLong("resource_id"));
        long token = rs.getLong("token");
        LockAuditEntry end = endAction == null
                ? null
                : LockAuditEntry.of(
                        instant(rs, "ended_at"),
                        resource,
                        LockAction.valueOf(endAction),
                        token,
                        holder,
                        user(rs.getString("ended_by_username"), rs.getString("ended_by_display_name")),
                        rs.getString("end_reason"));
        return new StoredHold(
                token,
                holder,
                instant(rs, "acquired_at"),
                nullableInstant(rs, "last_renewed_at"),
                end,
                nullableInstant(rs, "lease_ends_at"));
    };

    private static final String TURN_COLUMNS = "resource_type, resource_id, reservation, reserved_username,"
            + " reserved_display_name, reserved_key, reserved_at, reserved_until";
    private static final String WAITER_COLUMNS =
            "resource_type, resource_id, username, display_name, waiter_key, seq, joined_at";

    private static final RowMapper<Turn> TURN = (rs, row) -> {
        ResourceId resource = new ResourceId(rs.getString("resource_type"), rs.getLong("resource_id"));
        return rs.getObject("reservation") == null
                ? Turn.none(resource)
                : new Turn(resource, reservation(rs, resource), rs.getString("reserved_key"));
    };

    private static final RowMapper<Reservation> RESERVATION =
            (rs, row) -> reservation(rs, new ResourceId(rs.getString("resource_type"), rs.getLong("resource_id")));

    private static final RowMapper<Waiter> WAITER = (rs, row) -> new Waiter(
            new ResourceId(rs.getString("resource_type"), rs.getLong("resource_id")),
            new LockUser(rs.getString("username"), rs.getString("display_name")),
            rs.getString("waiter_key"),
            rs.getLong("seq"),
            instant(rs, "joined_at"));

    private final JdbcClient jdbc;

    JdbcLockStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LockInfo> findForUpdate(ResourceId resource) {
        return byResource("select " + LOCK_COLUMNS + " from edit_locks" + BY_RESOURCE + " for update", resource)
                .query(LOCK)
                .optional();
    }

    @Override
    public Optional<LockInfo> find(ResourceId resource) {
        return byResource("select " + LOCK_COLUMNS + " from edit_locks" + BY_RESOURCE, resource)
                .query(LOCK)
                .optional();
    }

    @Override
    public List<LockInfo> findLive(Instant now) {
        return jdbc.sql("select " + LOCK_COLUMNS
                        + " from edit_locks where expires_at > :now order by acquired_at, token")
                .param("now", utc(now))
                .query(LOCK)
                .list();
    }

    @Override
    public long countLive(Instant now) {
        return jdbc.sql("select count(*) from edit_locks where expires_at > :now")
                .param("now", utc(now))
                .query(Long.class)
                .single();
    }

    @Override
    public long nextToken() {
        return jdbc.sql("select nextval('lock_token_seq')").query(Long.class).single();
    }

    @Override
    public void insert(LockInfo lock) {
        jdbc.sql("insert into edit_locks (" + LOCK_COLUMNS + ") values (:type, :id, :username, :displayName,"
                        + " :holderKey, :token, :acquiredAt, :renewedAt, :expiresAt, :expiryWarned)")
                .paramSource(lockParams(lock))
                .update();
    }

    @Override
    public boolean replace(LockInfo lock, long expectedToken) {
        return jdbc.sql("update edit_locks set holder_username = :username, holder_display_name = :displayName,"
                                + " holder_key = :holderKey, token = :token, acquired_at = :acquiredAt,"
                                + " renewed_at = :renewedAt, expires_at = :expiresAt, expiry_warned = :expiryWarned"
                                + BY_RESOURCE + " and token = :expectedToken")
                        .paramSource(lockParams(lock).addValue("expectedToken", expectedToken))
                        .update()
                == 1;
    }

    @Override
    public boolean delete(ResourceId resource, long token) {
        return byResource("delete from edit_locks" + BY_RESOURCE + " and token = :token", resource)
                        .param("token", token)
                        .update()
                == 1;
    }

    @Override
    public boolean deleteIfExpired(ResourceId resource, long token, Instant now) {
        return byResource(
                                "delete from edit_locks" + BY_RESOURCE + " and token = :token and expires_at <= :now",
                                resource)
                        .param("token", token)
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    @Override
    public boolean markExpiryWarned(ResourceId resource, long token, Instant expiresAt, Instant now) {
        return byResource(
                                "update edit_locks set expiry_warned = true" + BY_RESOURCE
                                        + " and token = :token and expires_at = :expiresAt and expires_at > :now"
                                        + " and expiry_warned = false",
                                resource)
                        .param("token", token)
                        .param("expiresAt", utc(expiresAt))
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    @Override
    public List<LockInfo> findExpiringUnwarned(Instant now, Instant until, int limit) {
        return jdbc.sql("select " + LOCK_COLUMNS + " from edit_locks where expires_at > :now and expires_at <= :until"
                        + " and expiry_warned = false order by expires_at fetch first :limit rows only")
                .param("now", utc(now))
                .param("until", utc(until))
                .param("limit", limit)
                .query(LOCK)
                .list();
    }

    @Override
    public List<LockInfo> findExpired(Instant now, int limit) {
        return jdbc.sql("select " + LOCK_COLUMNS + " from edit_locks where expires_at <= :now"
                        + " order by expires_at fetch first :limit rows only")
                .param("now", utc(now))
                .param("limit", limit)
                .query(LOCK)
                .list();
    }

    @Override
    public void audit(LockAuditEntry entry) {
        LockUser actor = entry.actor();
        jdbc.sql("insert into lock_audit (" + AUDIT_COLUMNS + ") values (nextval('lock_audit_seq'), :at, :type, :id,"
                        + " :action, :token, :holderUsername, :holderDisplayName, :actorUsername,"
                        + " :actorDisplayName, :reason)")
                .param("at", utc(entry.at()))
                .param("type", entry.resource().type())
                .param("id", entry.resource().id())
                .param("action", entry.action().name())
                .param("token", entry.token())
                .param("holderUsername", entry.holder().username())
                .param("holderDisplayName", entry.holder().displayName())
                .param("actorUsername", actor == null ? null : actor.username())
                .param("actorDisplayName", actor == null ? null : actor.displayName())
                .param("reason", entry.reason())
                .update();
    }

    @Override
    public void countRenewal(long token, Instant at) {
        jdbc.sql("update lock_audit set renewals = renewals + 1, last_renewed_at = :at"
                        + " where token = :token and action = 'ACQUIRED'")
                .param("at", utc(at))
                .param("token", token)
                .update();
    }

    @Override
    public Optional<LockAuditEntry> findEndOfHold(long token) {
        return jdbc.sql("select " + AUDIT_READ_COLUMNS + " from lock_audit where token = :token"
                        + " and action in " + ENDINGS
                        + " order by id fetch first 1 rows only")
                .param("token", token)
                .query(AUDIT)
                .optional();
    }

    /**
     * One statement per page: the page of ACQUIRED entries first, so that the joins cost one page,
     * then each hold's ending entry (the first, should there ever be two) by the token index, and
     * the lock row of a hold nobody ended yet. Newest first by id: the holds of one resource are
     * written one after the other under its row lock, so their ids follow their order even where
     * nodes' clocks disagree, and the resource index (type, id, audit id) serves the page directly.
     */
    @Override
    public List<StoredHold> findHolds(ResourceId resource, long offset, int limit) {
        return byResource(
                        "select h.resource_type, h.resource_id, h.token, h.holder_username, h.holder_display_name,"
                                + " h.occurred_at as acquired_at, h.last_renewed_at, e.action as end_action,"
                                + " e.occurred_at as ended_at, e.actor_username as ended_by_username,"
                                + " e.actor_display_name as ended_by_display_name, e.reason as end_reason,"
                                + " l.expires_at as lease_ends_at"
                                + " from (select id, resource_type, resource_id, token, holder_username,"
                                + " holder_display_name, occurred_at, last_renewed_at from lock_audit"
                                + " where resource_type = :type and resource_id = :id and action = 'ACQUIRED'"
                                + " order by id desc offset :offset rows fetch next :limit rows only) h"
                                + " left join lock_audit e on e.token = h.token and e.action in " + ENDINGS
                                + " and not exists (select 1 from lock_audit earlier where earlier.token = e.token"
                                + " and earlier.action in " + ENDINGS + " and earlier.id < e.id)"
                                + " left join edit_locks l on l.token = h.token"
                                + " order by h.id desc",
                        resource)
                .param("offset", offset)
                .param("limit", limit)
                .query(HOLD)
                .list();
    }

    @Override
    public long countHolds(ResourceId resource) {
        return byResource(
                        "select count(*) from lock_audit where resource_type = :type and resource_id = :id"
                                + " and action = 'ACQUIRED'",
                        resource)
                .query(Long.class)
                .single();
    }

    @Override
    public Optional<Instant> lastReleaseRequest(ResourceId resource, String username) {
        return byResource(
                        "select max(occurred_at) from lock_audit where resource_type = :type and resource_id = :id"
                                + " and action = 'RELEASE_REQUESTED' and actor_username = :username",
                        resource)
                .param("username", username)
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .single()
                .map(OffsetDateTime::toInstant);
    }

    @Override
    public void scheduleReminder(long token, LockUser requester, Instant remindAt) {
        cancelReminder(token, requester.username());
        jdbc.sql("insert into release_reminders (token, requester_username, requester_display_name, remind_at)"
                        + " values (:token, :username, :displayName, :remindAt)")
                .param("token", token)
                .param("username", requester.username())
                .param("displayName", requester.displayName())
                .param("remindAt", utc(remindAt))
                .update();
    }

    @Override
    public void cancelReminder(long token, String requesterUsername) {
        jdbc.sql("delete from release_reminders where token = :token and requester_username = :username")
                .param("token", token)
                .param("username", requesterUsername)
                .update();
    }

    @Override
    public List<DueReminder> findDueReminders(Instant now, int limit) {
        return jdbc.sql("select l.resource_type, l.resource_id, l.holder_username, l.holder_display_name,"
                        + " l.holder_key, r.token, r.requester_username, r.requester_display_name, r.remind_at"
                        + " from release_reminders r join edit_locks l on l.token = r.token"
                        + " where r.remind_at <= :now and l.expires_at > :now"
                        + " order by r.remind_at fetch first :limit rows only")
                .param("now", utc(now))
                .param("limit", limit)
                .query((rs, row) -> new DueReminder(
                        new ResourceId(rs.getString("resource_type"), rs.getLong("resource_id")),
                        new LockHolder(
                                rs.getString("holder_username"),
                                rs.getString("holder_display_name"),
                                rs.getString("holder_key")),
                        rs.getLong("token"),
                        new LockUser(rs.getString("requester_username"), rs.getString("requester_display_name")),
                        instant(rs, "remind_at")))
                .list();
    }

    @Override
    public boolean takeReminder(long token, String requesterUsername, Instant remindAt) {
        return jdbc.sql("delete from release_reminders where token = :token and requester_username = :username"
                                + " and remind_at = :remindAt")
                        .param("token", token)
                        .param("username", requesterUsername)
                        .param("remindAt", utc(remindAt))
                        .update()
                == 1;
    }

    @Override
    public int deleteRemindersOfEndedHolds() {
        return jdbc.sql("delete from release_reminders where not exists"
                        + " (select 1 from edit_locks l where l.token = release_reminders.token)")
                .update();
    }

    @Override
    public List<LockAuditEntry> findAudit(AuditFilter filter, long offset, int limit) {
        return filtered(
                        "select " + AUDIT_READ_COLUMNS + " from lock_audit",
                        filter,
                        " order by occurred_at desc, id desc offset :offset rows fetch next :limit rows only")
                .param("offset", offset)
                .param("limit", limit)
                .query(AUDIT)
                .list();
    }

    @Override
    public long countAudit(AuditFilter filter) {
        return filtered("select count(*) from lock_audit", filter, "")
                .query(Long.class)
                .single();
    }

    @Override
    public Optional<Turn> findTurnForUpdate(ResourceId resource) {
        return byResource("select " + TURN_COLUMNS + " from lock_turns" + BY_RESOURCE + " for update", resource)
                .query(TURN)
                .optional();
    }

    @Override
    public void insertTurn(ResourceId resource) {
        byResource("insert into lock_turns (resource_type, resource_id) values (:type, :id)", resource)
                .update();
    }

    @Override
    public void reserve(Reservation reservation, String waiterKey) {
        byResource(
                        "update lock_turns set reservation = :reservation, reserved_username = :username,"
                                + " reserved_display_name = :displayName, reserved_key = :key,"
                                + " reserved_at = :at, reserved_until = :until" + BY_RESOURCE,
                        reservation.resource())
                .param("reservation", reservation.id())
                .param("username", reservation.user().username())
                .param("displayName", reservation.user().displayName())
                .param("key", waiterKey)
                .param("at", utc(reservation.reservedAt()))
                .param("until", utc(reservation.expiresAt()))
                .update();
    }

    @Override
    public boolean clearReservation(ResourceId resource, long reservationId) {
        return byResource(
                                "update lock_turns set reservation = null, reserved_username = null,"
                                        + " reserved_display_name = null, reserved_key = null, reserved_at = null,"
                                        + " reserved_until = null" + BY_RESOURCE + " and reservation = :reservation",
                                resource)
                        .param("reservation", reservationId)
                        .update()
                == 1;
    }

    @Override
    public Optional<Reservation> findReservation(ResourceId resource) {
        return byResource(
                        "select " + TURN_COLUMNS + " from lock_turns" + BY_RESOURCE + " and reservation is not null",
                        resource)
                .query(RESERVATION)
                .optional();
    }

    @Override
    public List<Reservation> findLiveReservations(Instant now) {
        return jdbc.sql("select " + TURN_COLUMNS + " from lock_turns where reserved_until > :now"
                        + " order by reserved_at, reservation")
                .param("now", utc(now))
                .query(RESERVATION)
                .list();
    }

    @Override
    public List<Reservation> findLapsedReservations(Instant now, int limit) {
        return jdbc.sql("select " + TURN_COLUMNS + " from lock_turns where reserved_until <= :now"
                        + " order by reserved_until fetch first :limit rows only")
                .param("now", utc(now))
                .param("limit", limit)
                .query(RESERVATION)
                .list();
    }

    @Override
    public List<Reservation> findReservationsOf(String waiterKey) {
        return jdbc.sql("select " + TURN_COLUMNS + " from lock_turns where reserved_key = :key")
                .param("key", waiterKey)
                .query(RESERVATION)
                .list();
    }

    @Override
    public long nextLineSeq() {
        return jdbc.sql("select nextval('lock_line_seq')").query(Long.class).single();
    }

    @Override
    public void insertWaiter(Waiter waiter) {
        byResource(
                        "insert into lock_waiters (" + WAITER_COLUMNS + ") values (:type, :id, :username,"
                                + " :displayName, :key, :seq, :joinedAt)",
                        waiter.resource())
                .param("username", waiter.user().username())
                .param("displayName", waiter.user().displayName())
                .param("key", waiter.waiterKey())
                .param("seq", waiter.seq())
                .param("joinedAt", utc(waiter.joinedAt()))
                .update();
    }

    @Override
    public Optional<Waiter> firstInLine(ResourceId resource) {
        return byResource(
                        "select " + WAITER_COLUMNS + " from lock_waiters" + BY_RESOURCE
                                + " order by seq fetch first 1 rows only",
                        resource)
                .query(WAITER)
                .optional();
    }

    @Override
    public Optional<Waiter> findWaiter(ResourceId resource, String username) {
        return byResource(
                        "select " + WAITER_COLUMNS + " from lock_waiters" + BY_RESOURCE + " and username = :username",
                        resource)
                .param("username", username)
                .query(WAITER)
                .optional();
    }

    @Override
    public int placeInLine(ResourceId resource, String username) {
        return byResource(
                        "select count(*) from lock_waiters ahead join lock_waiters me"
                                + " on ahead.resource_type = me.resource_type and ahead.resource_id = me.resource_id"
                                + " and ahead.seq <= me.seq"
                                + " where me.resource_type = :type and me.resource_id = :id and me.username = :username",
                        resource)
                .param("username", username)
                .query(Integer.class)
                .single();
    }

    @Override
    public boolean deleteWaiter(ResourceId resource, String username) {
        return byResource("delete from lock_waiters" + BY_RESOURCE + " and username = :username", resource)
                        .param("username", username)
                        .update()
                == 1;
    }

    @Override
    public List<Waiter> findWaitersOf(String waiterKey) {
        return jdbc.sql("select " + WAITER_COLUMNS + " from lock_waiters where waiter_key = :key")
                .param("key", waiterKey)
                .query(WAITER)
                .list();
    }

    @Override
    public void rekey(String from, String to) {
        jdbc.sql("update lock_waiters set waiter_key = :to where waiter_key = :from")
                .param("from", from)
                .param("to", to)
                .update();
        jdbc.sql("update lock_turns set reserved_key = :to where reserved_key = :from")
                .param("from", from)
                .param("to", to)
                .update();
    }

    private JdbcClient.StatementSpec byResource(String sql, ResourceId resource) {
        return jdbc.sql(sql).param("type", resource.type()).param("id", resource.id());
    }

    /** Only the conditions the filter asks for, so that each can use its index. */
    private JdbcClient.StatementSpec filtered(String select, AuditFilter filter, String orderAndPage) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        ResourceId resource = filter.resource();
        if (resource != null) {
            conditions.add("resource_type = :type and resource_id = :id");
            params.put("type", resource.type());
            params.put("id", resource.id());
        }
        String username = filter.username();
        if (username != null) {
            conditions.add("(holder_username = :username or actor_username = :username)");
            params.put("username", username);
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return jdbc.sql(select + where + orderAndPage).params(params);
    }

    private static MapSqlParameterSource lockParams(LockInfo lock) {
        return new MapSqlParameterSource()
                .addValue("type", lock.resource().type())
                .addValue("id", lock.resource().id())
                .addValue("username", lock.holder().username())
                .addValue("displayName", lock.holder().displayName())
                .addValue("holderKey", lock.holder().holderKey())
                .addValue("token", lock.token())
                .addValue("acquiredAt", utc(lock.acquiredAt()))
                .addValue("renewedAt", utc(lock.renewedAt()))
                .addValue("expiresAt", utc(lock.expiresAt()))
                .addValue("expiryWarned", lock.expiryWarned());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Reservation reservation(ResultSet rs, ResourceId resource) throws SQLException {
        return new Reservation(
                resource,
                new LockUser(rs.getString("reserved_username"), rs.getString("reserved_display_name")),
                rs.getLong("reservation"),
                instant(rs, "reserved_at"),
                instant(rs, "reserved_until"));
    }

    private static @Nullable LockUser user(@Nullable String username, @Nullable String displayName) {
        return username == null || displayName == null ? null : new LockUser(username, displayName);
    }
}
