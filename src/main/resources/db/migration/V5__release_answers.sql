-- A holder answers a request to release: "Give me 5 minutes" and "Not now" are audited like every
-- lock change, and "Give me 5 minutes" leaves a reminder for the holder, one per hold and
-- requester, that the sweeper of whichever node gets there first sends once it is due (a
-- conditional delete). Reminders of holds that ended are removed by the sweeper. Portable SQL for
-- H2 and PostgreSQL.

create table release_reminders (
    -- The hold that asked for more time: a reminder outlives neither the hold nor a new answer.
    token                  bigint                      not null,
    requester_username     varchar(50)                 not null,
    requester_display_name varchar(100)                not null,
    remind_at              timestamp(6) with time zone not null,
    constraint pk_release_reminders primary key (token, requester_username)
);

create index ix_release_reminders_remind_at on release_reminders (remind_at);

alter table lock_audit drop constraint ck_lock_audit_action;
alter table lock_audit add constraint ck_lock_audit_action check (action in
    ('ACQUIRED', 'RELEASED', 'EXPIRED', 'TAKEN_OVER', 'BROKEN', 'RELEASE_REQUESTED',
     'RESERVED', 'RESERVATION_DECLINED', 'RESERVATION_LAPSED', 'RESERVATION_VOIDED',
     'RELEASE_DEFERRED', 'RELEASE_DECLINED'));
