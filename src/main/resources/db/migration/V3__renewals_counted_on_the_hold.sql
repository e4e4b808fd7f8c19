-- Renewals no longer add an audit row each (an active editor renews twice a minute, 120 rows an
-- hour): the hold's ACQUIRED row counts them and keeps the time of the last one, updated in the
-- renewal's transaction. Portable SQL for H2 and PostgreSQL.

alter table lock_audit add column renewals integer default 0 not null;
alter table lock_audit add column last_renewed_at timestamp(6) with time zone;

-- The history so far: each hold's RENEWED rows become the count on its ACQUIRED row (one per
-- token), then go. A RENEWED row whose hold has no ACQUIRED row goes too.
update lock_audit held
set renewals = (select count(*) from lock_audit renewed
                where renewed.token = held.token and renewed.action = 'RENEWED'),
    last_renewed_at = (select max(renewed.occurred_at) from lock_audit renewed
                       where renewed.token = held.token and renewed.action = 'RENEWED')
where held.action = 'ACQUIRED'
  and exists (select 1 from lock_audit renewed where renewed.token = held.token and renewed.action = 'RENEWED');

delete from lock_audit where action = 'RENEWED';

alter table lock_audit drop constraint ck_lock_audit_action;
alter table lock_audit add constraint ck_lock_audit_action check (action in
    ('ACQUIRED', 'RELEASED', 'EXPIRED', 'TAKEN_OVER', 'BROKEN', 'RELEASE_REQUESTED'));
alter table lock_audit add constraint ck_lock_audit_renewals check (renewals >= 0);
