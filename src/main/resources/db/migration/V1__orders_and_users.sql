-- Portable SQL: runs unchanged on H2 (embedded default) and PostgreSQL (cluster).
-- Sequences step by 50 to match Hibernate's pooled id allocation (batch inserts).

create sequence app_users_seq start with 1 increment by 50;

create table app_users (
    id            bigint       not null primary key,
    username      varchar(50)  not null,
    display_name  varchar(100) not null,
    password_hash varchar(100) not null,
    enabled       boolean      not null,
    constraint uq_app_users_username unique (username)
);

create table app_user_roles (
    user_id bigint      not null,
    role    varchar(20) not null,
    constraint pk_app_user_roles primary key (user_id, role),
    constraint fk_app_user_roles_user foreign key (user_id) references app_users (id) on delete cascade,
    constraint ck_app_user_roles_role check (role in ('CLERK', 'SUPERVISOR'))
);

create sequence orders_seq start with 1 increment by 50;

create table orders (
    id                      bigint         not null primary key,
    order_number            varchar(20)    not null,
    customer                varchar(200)   not null,
    status                  varchar(20)    not null,
    order_date              date           not null,
    requested_delivery_date date,
    notes                   varchar(2000),
    total                   numeric(14, 2) not null,
    last_changed_by         varchar(100),
    last_changed_at         timestamp(6) with time zone,
    version                 bigint         not null,
    constraint uq_orders_order_number unique (order_number),
    constraint ck_orders_status check (status in ('NEW', 'CONFIRMED', 'SHIPPED', 'CANCELLED')),
    constraint ck_orders_total check (total >= 0)
);

-- The grid sorts on every column and pages with LIMIT/OFFSET, always breaking ties on id.
-- One (column, id) index per sortable column lets the database read a page in index order
-- instead of sorting all rows. order_number is unique, so its unique index needs no id.
create index ix_orders_customer on orders (customer, id);
create index ix_orders_status on orders (status, id);
create index ix_orders_order_date on orders (order_date, id);
create index ix_orders_requested_delivery_date on orders (requested_delivery_date, id);
create index ix_orders_total on orders (total, id);
create index ix_orders_last_changed_by on orders (last_changed_by, id);
create index ix_orders_last_changed_at on orders (last_changed_at, id);

create sequence order_lines_seq start with 1 increment by 50;

create table order_lines (
    id         bigint         not null primary key,
    order_id   bigint         not null,
    line_no    integer        not null,
    product    varchar(200)   not null,
    quantity   integer        not null,
    unit_price numeric(12, 2) not null,
    constraint fk_order_lines_order foreign key (order_id) references orders (id) on delete cascade,
    constraint ck_order_lines_quantity check (quantity > 0),
    constraint ck_order_lines_unit_price check (unit_price >= 0)
);

create index ix_order_lines_order on order_lines (order_id, line_no);
