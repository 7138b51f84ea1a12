-- Excel imports (批量导入): one row per uploaded file, written before the work starts and updated as
-- it goes, so progress is read from here by any request, and a restart finds the jobs it cut short
-- (status CHECKING or IMPORTING) and marks them interrupted instead of leaving them running forever.
-- The import itself is one transaction: an interrupted job has imported nothing.
-- report: the rows refused (row, column, value, message) or what was created, as JSON.
-- Owned by the importing module. Placeholders as in V1.

create table qb_import_job (
    id              ${id_column},
    kind            varchar(16)   not null,
    campaign_code   varchar(64),
    unit_code       varchar(48),
    file_name       varchar(255)  not null,
    file_size       bigint        not null,
    storage_key     varchar(80)   not null,
    status          varchar(16)   not null,
    phase           varchar(100)  not null,
    rows_total      int           not null,
    rows_done       int           not null,
    error_count     int           not null,
    created_count   int           not null,
    updated_count   int           not null,
    message         varchar(2000),
    report          ${text_type},
    created_by      varchar(64)   not null,
    created_at      ${ts_type}    not null,
    updated_at      ${ts_type}    not null,
    finished_at     ${ts_type}
) ${table_options};

create index ix_import_job_user on qb_import_job (created_by, created_at);
create index ix_import_job_status on qb_import_job (status);
