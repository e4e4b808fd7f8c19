package org.orderdesk.bench.locks;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Copies of the lock table and the audit table as the migrations leave them (V2 to V5): the same
 * columns, keys, checks and indexes, so that the floor's inserts and deletes maintain as much as
 * the engine's. Portable SQL for H2 and PostgreSQL.
 */
final class FloorTables {

    private static final List<String> DDL = List.of(
            "drop table if exists bench_lock_floor",
            "drop table if exists bench_lock_audit_floor",
            "drop sequence if exists bench_lock_floor_token_seq",
            "drop sequence if exists bench_lock_audit_floor_seq",
            "create sequence bench_lock_floor_token_seq start with 1 increment by 1 cache 1",
            """
            create table bench_lock_floor (
                resource_type       varchar(30)                 not null,
                resource_id         bigint                      not null,
                holder_username     varchar(50)                 not null,
                holder_display_name varchar(100)                not null,
                holder_key          varchar(64)                 not null,
                token               bigint                      not null,
                acquired_at         timestamp(6) with time zone not null,
                renewed_at          timestamp(6) with time zone not null,
                expires_at          timestamp(6) with time zone not null,
                expiry_warned       boolean                     not null,
                constraint pk_bench_lock_floor primary key (resource_type, resource_id),
                constraint uq_bench_lock_floor_token unique (token),
                constraint ck_bench_lock_floor_lease check (expires_at > acquired_at)
            )""",
            "create index ix_bench_lock_floor_expires_at on bench_lock_floor (expires_at)",
            "create sequence bench_lock_audit_floor_seq start with 1 increment by 1",
            """
            create table bench_lock_audit_floor (
                id                  bigint                      not null primary key,
                occurred_at         timestamp(6) with time zone not null,
                resource_type       varchar(30)                 not null,
                resource_id         bigint                      not null,
                action              varchar(20)                 not null,
                token               bigint                      not null,
                holder_username     varchar(50)                 not null,
                holder_display_name varchar(100)                not null,
                actor_username      varchar(50),
                actor_display_name  varchar(100),
                reason              varchar(500),
                renewals            integer default 0           not null,
                last_renewed_at     timestamp(6) with time zone,
                constraint ck_bench_lock_audit_floor_action check (action in
                    ('ACQUIRED', 'RELEASED', 'EXPIRED', 'TAKEN_OVER', 'BROKEN', 'RELEASE_REQUESTED',
                     'RESERVED', 'RESERVATION_DECLINED', 'RESERVATION_LAPSED', 'RESERVATION_VOIDED')),
                constraint ck_bench_lock_audit_floor_renewals check (renewals >= 0)
            )""",
            "create index ix_bench_laf_occurred on bench_lock_audit_floor (occurred_at, id)",
            "create index ix_bench_laf_resource on bench_lock_audit_floor (resource_type, resource_id, id)",
            "create index ix_bench_laf_token on bench_lock_audit_floor (token, id)",
            "create index ix_bench_laf_holder on bench_lock_audit_floor (holder_username, id)",
            "create index ix_bench_laf_actor on bench_lock_audit_floor (actor_username, id)");

    private FloorTables() {}

    static void create(JdbcClient jdbc) {
        DDL.forEach(statement -> jdbc.sql(statement).update());
    }
}
