-- Edit locks: one row per locked resource, replaced or deleted only under a row lock
-- (SELECT ... FOR UPDATE) or by a conditional statement. Portable SQL for H2 and PostgreSQL.

-- Fencing tokens: strictly increasing across all locks and never reused (step 1, cache 1: no
-- session on PostgreSQL holds back a range that a later session would overtake).
create sequence lock_token_seq start with 1 increment by 1 cache 1;

create table edit_locks (
    resource_type       varchar(30)                 not null,
    resource_id         bigint                      not null,
    holder_username     varchar(50)                 not null,
    holder_display_name varchar(100)                not null,
    -- One editor instance (browser tab); the same user may hold other keys elsewhere.
    holder_key          varchar(64)                 not null,
    token               bigint                      not null,
    acquired_at         timestamp(6) with time zone not null,
    renewed_at          timestamp(6) with time zone not null,
    expires_at          timestamp(6) with time zone not null,
    -- Set by the sweeper when it announced the coming expiry of this lease; a renewal clears it.
    expiry_warned       boolean                     not null,
    constraint pk_edit_locks primary key (resource_type, resource_id),
    constraint uq_edit_locks_token unique (token),
    constraint ck_edit_locks_lease check (expires_at > acquired_at)
);

-- The sweeper looks for leases that end soon or have ended.
create index ix_edit_locks_expires_at on edit_locks (expires_at);

create sequence lock_audit_seq start with 1 increment by 1;

create table lock_audit (
    id                  bigint                      not null primary key,
    occurred_at         timestamp(6) with time zone not null,
    resource_type       varchar(30)                 not null,
    resource_id         bigint                      not null,
    action              varchar(20)                 not null,
    token               bigint                      not null,
    -- Whose lock the entry is about.
    holder_username     varchar(50)                 not null,
    holder_display_name varchar(100)                not null,
    -- Who did it: the holder, another user, or the system (sweeper) when null.
    actor_username      varchar(50),
    actor_display_name  varchar(100),
    reason              varchar(500),
    constraint ck_lock_audit_action check (action in
        ('ACQUIRED', 'RENEWED', 'RELEASED', 'EXPIRED', 'TAKEN_OVER', 'BROKEN', 'RELEASE_REQUESTED'))
);

-- Newest first, per order, per user, and "how did this token's hold end".
create index ix_lock_audit_occurred on lock_audit (occurred_at, id);
create index ix_lock_audit_resource on lock_audit (resource_type, resource_id, id);
create index ix_lock_audit_token on lock_audit (token, id);
create index ix_lock_audit_holder on lock_audit (holder_username, id);
create index ix_lock_audit_actor on lock_audit (actor_username, id);
