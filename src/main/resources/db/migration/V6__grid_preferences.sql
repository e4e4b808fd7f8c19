-- Portable SQL: runs unchanged on H2 (embedded default) and PostgreSQL (cluster).
-- How each clerk arranged a grid (package org.orderdesk.preferences), kept with the clerk so that
-- it follows them to any browser and node.

-- One row per clerk and grid, also the row a save locks so that two tabs of one clerk saving at
-- once write one after the other.
create table grid_preferences (
    username      varchar(50) not null,
    grid          varchar(50) not null,
    preview_shown boolean     not null,
    constraint pk_grid_preferences primary key (username, grid),
    constraint fk_grid_preferences_user foreign key (username) references app_users (username) on delete cascade
);

-- The grid's columns as the clerk left them: position, width, hidden, and the sort, if sorted by
-- the column (priority 1 first). No rows: the grid's own defaults. Keys are the application's
-- column keys; a key the grid no longer has is ignored when read.
create table grid_column_preferences (
    username        varchar(50) not null,
    grid            varchar(50) not null,
    column_key      varchar(50) not null,
    column_position integer     not null,
    width           varchar(20),
    hidden          boolean     not null,
    sort_priority   integer,
    sort_descending boolean,
    constraint pk_grid_column_preferences primary key (username, grid, column_key),
    constraint fk_grid_column_preferences_grid foreign key (username, grid)
        references grid_preferences (username, grid) on delete cascade,
    constraint ck_grid_column_preferences_sort check ((sort_priority is null) = (sort_descending is null))
);
