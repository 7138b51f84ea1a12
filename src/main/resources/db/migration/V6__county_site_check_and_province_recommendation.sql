-- Luoyang 2023: the county's on-site check before it recommends (县区负责申报材料的初审和现场核查), and the
-- city's later recommendation of its past benchmarks to the province (省质量标杆推荐). Owned by the quota
-- and nomination modules; cases are referred to by id. Placeholders as in V1.

-- One on-site check of a case by its county: who went, on which day, what they found and whether it
-- matched the application. A case returned for correction and checked again has more than one.
create table qb_county_site_check (
    id              ${id_column},
    application_id  bigint       not null,
    checked_on      date         not null,
    inspectors      varchar(500) not null,
    findings        ${text_type} not null,
    result          varchar(16)  not null,
    recorded_by     varchar(64)  not null,
    recorded_at     ${ts_type}   not null,
    constraint fk_county_site_check_application foreign key (application_id) references qb_application (id)
) ${table_options};

create index ix_county_site_check_application on qb_county_site_check (application_id);

-- A round of recommendation to the province, opened when the province's notice arrives: the notice, the
-- number of places it gives (null when it gives none), the last day, and how the round ended.
create table qb_province_round (
    id               ${id_column},
    campaign_id      bigint       not null,
    province_notice  varchar(500) not null,
    places           int,
    due_on           date         not null,
    status           varchar(16)  not null,
    opened_by        varchar(64)  not null,
    opened_at        ${ts_type}   not null,
    note             ${text_type},
    closed_by        varchar(64),
    closed_at        ${ts_type},
    constraint fk_province_round_campaign foreign key (campaign_id) references qb_campaign (id)
) ${table_options};

-- A past city benchmark the office picked in a round, with its reason.
create table qb_province_nomination (
    id              ${id_column},
    round_id        bigint       not null,
    application_id  bigint       not null,
    reason          ${text_type} not null,
    picked_by       varchar(64)  not null,
    picked_at       ${ts_type}   not null,
    constraint uk_province_nomination unique (round_id, application_id),
    constraint fk_province_nomination_round foreign key (round_id) references qb_province_round (id),
    constraint fk_province_nomination_application foreign key (application_id) references qb_application (id)
) ${table_options};
