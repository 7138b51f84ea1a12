-- Our own tables. The engine's ACT_* tables are created and upgraded by the engine itself.
-- Placeholders differ per database (see application.yml and the mysql profile):
--   ${id_column}      identity primary key
--   ${text_type}      long free text
--   ${ts_type}        a timestamp in UTC
--   ${table_options}  utf8mb4 on MySQL, so names and free text keep 4-byte characters

create table qb_campaign (
    id                  ${id_column},
    code                varchar(64)  not null,
    case_number_prefix  varchar(16)  not null,
    name                varchar(200) not null,
    organiser           varchar(200) not null,
    level               varchar(16)  not null,
    campaign_year       int          not null,
    region              varchar(6)   not null,
    application_opens   date         not null,
    application_closes  date         not null,
    recommendation_due  date         not null,
    next_case_sequence  int          not null,
    config_sha256       varchar(64)  not null,
    config_source       ${text_type} not null,
    synced_at           ${ts_type}   not null,
    constraint uk_campaign_code unique (code),
    constraint uk_campaign_prefix unique (case_number_prefix)
) ${table_options};

create table qb_unit (
    id         ${id_column},
    code       varchar(48)  not null,
    name       varchar(200) not null,
    kind       varchar(16)  not null,
    region     varchar(6),
    parent_id  bigint,
    group_id   varchar(64)  not null,
    constraint uk_unit_code unique (code),
    constraint uk_unit_group unique (group_id),
    constraint fk_unit_parent foreign key (parent_id) references qb_unit (id)
) ${table_options};

create table qb_campaign_unit (
    id           ${id_column},
    campaign_id  bigint not null,
    unit_id      bigint not null,
    quota        int,
    constraint uk_campaign_unit unique (campaign_id, unit_id),
    constraint fk_campaign_unit_campaign foreign key (campaign_id) references qb_campaign (id),
    constraint fk_campaign_unit_unit foreign key (unit_id) references qb_unit (id)
) ${table_options};

create table qb_enterprise (
    id                 ${id_column},
    uscc               varchar(18)  not null,
    name               varchar(200) not null,
    registered_region  varchar(6)   not null,
    ownership_type     varchar(32),
    industry_code      varchar(4),
    employees          int,
    latest_revenue     decimal(18, 2),
    size_class         varchar(8),
    created_at         ${ts_type}   not null,
    updated_at         ${ts_type}   not null,
    version            int          not null,
    constraint uk_enterprise_uscc unique (uscc)
) ${table_options};

-- The pilot-era codes that are legally valid but fail the GB 32100 check digit (Fujian/Xiamen 2015).
create table qb_uscc_override (
    id          ${id_column},
    uscc        varchar(18)  not null,
    reason      varchar(500) not null,
    granted_by  varchar(64)  not null,
    granted_at  ${ts_type}   not null,
    constraint uk_uscc_override unique (uscc)
) ${table_options};

create table qb_application (
    id                   ${id_column},
    case_number          varchar(32)  not null,
    campaign_id          bigint       not null,
    enterprise_id        bigint       not null,
    unit_id              bigint       not null,
    stage                varchar(32)  not null,
    title                varchar(200),
    enterprise_name      varchar(200) not null,
    ownership_type       varchar(32),
    industry_code        varchar(4),
    employees            int,
    declared_size        varchar(8),
    computed_size        varchar(8),
    address              varchar(300),
    postcode             varchar(6),
    contact_name         varchar(50),
    contact_department   varchar(100),
    contact_position     varchar(100),
    contact_phone        varchar(40),
    contact_mobile       varchar(20),
    contact_email        varchar(100),
    unit_rank            int,
    owner_user_id        varchar(64)  not null,
    idempotency_key      varchar(100),
    request_fingerprint  varchar(64)  not null,
    uscc_override_id     bigint,
    created_at           ${ts_type}   not null,
    updated_at           ${ts_type}   not null,
    submitted_at         ${ts_type},
    version              int          not null,
    constraint uk_application_case_number unique (case_number),
    constraint uk_application_enterprise unique (campaign_id, enterprise_id),
    constraint uk_application_idempotency unique (owner_user_id, idempotency_key),
    constraint fk_application_campaign foreign key (campaign_id) references qb_campaign (id),
    constraint fk_application_enterprise foreign key (enterprise_id) references qb_enterprise (id),
    constraint fk_application_unit foreign key (unit_id) references qb_unit (id),
    constraint fk_application_override foreign key (uscc_override_id) references qb_uscc_override (id)
) ${table_options};

-- Lists and dashboards always filter by campaign first, so every index leads with it.
create index ix_application_campaign_stage on qb_application (campaign_id, stage);
create index ix_application_campaign_unit on qb_application (campaign_id, unit_id, stage);
create index ix_application_owner on qb_application (owner_user_id);

create table qb_application_direction (
    application_id  bigint      not null,
    direction_code  varchar(32) not null,
    constraint pk_application_direction primary key (application_id, direction_code),
    constraint fk_application_direction foreign key (application_id) references qb_application (id)
) ${table_options};

create table qb_application_text (
    application_id  bigint       not null,
    section_key     varchar(32)  not null,
    content         ${text_type} not null,
    constraint pk_application_text primary key (application_id, section_key),
    constraint fk_application_text foreign key (application_id) references qb_application (id)
) ${table_options};

create table qb_application_figure (
    application_id  bigint not null,
    fiscal_year     int    not null,
    revenue         decimal(18, 2),
    profit          decimal(18, 2),
    total_assets    decimal(18, 2),
    constraint pk_application_figure primary key (application_id, fiscal_year),
    constraint fk_application_figure foreign key (application_id) references qb_application (id)
) ${table_options};

create table qb_application_field (
    application_id  bigint        not null,
    field_key       varchar(32)   not null,
    field_value     varchar(2000) not null,
    constraint pk_application_field primary key (application_id, field_key),
    constraint fk_application_field foreign key (application_id) references qb_application (id)
) ${table_options};

create table qb_attachment (
    id              ${id_column},
    application_id  bigint       not null,
    kind            varchar(32)  not null,
    original_name   varchar(255) not null,
    storage_key     varchar(200) not null,
    content_type    varchar(100) not null,
    size_bytes      bigint       not null,
    sha256          varchar(64)  not null,
    uploaded_by     varchar(64)  not null,
    uploaded_at     ${ts_type}   not null,
    constraint uk_attachment_storage unique (storage_key),
    constraint fk_attachment_application foreign key (application_id) references qb_application (id)
) ${table_options};

create index ix_attachment_application on qb_attachment (application_id);

-- Every decision on a case: who, when, what, why. Append-only.
create table qb_case_event (
    id              ${id_column},
    application_id  bigint        not null,
    stage           varchar(32)   not null,
    action          varchar(40)   not null,
    outcome         varchar(40),
    reason          varchar(2000),
    actor           varchar(64)   not null,
    acted_at        ${ts_type}    not null,
    constraint fk_case_event_application foreign key (application_id) references qb_application (id)
) ${table_options};

create index ix_case_event_application on qb_case_event (application_id, acted_at);

-- An expert's score on one criterion of one case at one review stage.
create table qb_score (
    id              ${id_column},
    application_id  bigint        not null,
    stage           varchar(32)   not null,
    expert_user_id  varchar(64)   not null,
    criterion       varchar(40)   not null,
    score           decimal(6, 2) not null,
    comment_text    varchar(4000),
    scored_at       ${ts_type}    not null,
    constraint uk_score unique (application_id, stage, expert_user_id, criterion),
    constraint fk_score_application foreign key (application_id) references qb_application (id)
) ${table_options};

-- An objection raised during the public notice (公示) and its investigation.
create table qb_objection (
    id                 ${id_column},
    application_id     bigint        not null,
    received_at        ${ts_type}    not null,
    submitter_name     varchar(100)  not null,
    submitter_contact  varchar(100)  not null,
    content            ${text_type}  not null,
    status             varchar(16)   not null,
    outcome            varchar(16),
    outcome_reason     varchar(2000),
    recorded_by        varchar(64)   not null,
    decided_by         varchar(64),
    decided_at         ${ts_type},
    constraint fk_objection_application foreign key (application_id) references qb_application (id)
) ${table_options};

create index ix_objection_application on qb_objection (application_id);
