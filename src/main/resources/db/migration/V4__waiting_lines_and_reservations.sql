-- A fair waiting line per locked resource, and the short reservation its first clerk gets when
-- the holder lets go. Portable SQL for H2 and PostgreSQL.

-- Whose turn it is: one row per resource ever locked, never deleted, holding the reservation if
-- there is one. Every step that hands a resource on, takes it or changes its line locks this row
-- first (SELECT ... FOR UPDATE), so such steps are serialised even while no lock row exists; a
-- first step for a new resource inserts it, and a concurrent twin loses on the primary key.
-- A reservation's id comes from lock_token_seq, so that it orders with the holds before and
-- after it.
create table lock_turns (
    resource_type         varchar(30)                 not null,
    resource_id           bigint                      not null,
    reservation           bigint,
    reserved_username     varchar(50),
    reserved_display_name varchar(100),
    -- The waiter key of the place in line the reservation came from: a SHA-256 of the id of the
    -- HTTP session the clerk asked from, never the id itself.
    reserved_key          varchar(64),
    reserved_at           timestamp(6) with time zone,
    reserved_until        timestamp(6) with time zone,
    constraint pk_lock_turns primary key (resource_type, resource_id),
    constraint uq_lock_turns_reservation unique (reservation),
    constraint ck_lock_turns_reservation check (
        (reservation is null and reserved_username is null and reserved_display_name is null
            and reserved_key is null and reserved_at is null and reserved_until is null)
        or (reservation is not null and reserved_username is not null and reserved_display_name is not null
            and reserved_key is not null and reserved_at is not null and reserved_until > reserved_at))
);

-- The sweeper looks for reservations that lapsed.
create index ix_lock_turns_reserved_until on lock_turns (reserved_until);
create index ix_lock_turns_reserved_key on lock_turns (reserved_key);

-- Every resource locked now has its turn row, as every resource locked from now on will.
insert into lock_turns (resource_type, resource_id) select resource_type, resource_id from edit_locks;

-- The line: a user waits at most once per resource, in the order given by seq.
create sequence lock_line_seq start with 1 increment by 1;

create table lock_waiters (
    resource_type varchar(30)                 not null,
    resource_id   bigint                      not null,
    username      varchar(50)                 not null,
    display_name  varchar(100)                not null,
    -- Where the clerk asked from, as a SHA-256 of the HTTP session id (never the id itself): the
    -- session's end takes the clerk out of the line.
    waiter_key    varchar(64)                 not null,
    seq           bigint                      not null,
    joined_at     timestamp(6) with time zone not null,
    constraint pk_lock_waiters primary key (resource_type, resource_id, username),
    -- Also the index by which the line is read in order.
    constraint uq_lock_waiters_place unique (resource_type, resource_id, seq)
);

create index ix_lock_waiters_key on lock_waiters (waiter_key);

-- Reservations are audited: given, declined, lapsed, or voided by a supervisor's take-over.
alter table lock_audit drop constraint ck_lock_audit_action;
alter table lock_audit add constraint ck_lock_audit_action check (action in
    ('ACQUIRED', 'RELEASED', 'EXPIRED', 'TAKEN_OVER', 'BROKEN', 'RELEASE_REQUESTED',
     'RESERVED', 'RESERVATION_DECLINED', 'RESERVATION_LAPSED', 'RESERVATION_VOIDED'));
