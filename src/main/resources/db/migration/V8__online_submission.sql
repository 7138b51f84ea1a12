-- The online submission to the national system (网上申报) that a province's national track ends with
-- (山东2023：最终获得全国质量标杆推荐资格的企业于9月15日前在中国质量网网上申报): one row per recommended
-- case, opened when the province recommends it, closed when the enterprise confirms or the day passes.
-- Owned by the onlinesubmission module. Placeholders as in V1.

create table qb_online_submission (
    id              ${id_column},
    campaign_id     bigint        not null,
    application_id  bigint        not null,
    due_on          date          not null,
    status          varchar(16)   not null,
    submitted_on    date,
    reference       varchar(100),
    note            varchar(2000),
    opened_at       ${ts_type}    not null,
    closed_by       varchar(64),
    closed_at       ${ts_type},
    constraint uk_online_submission_application unique (application_id),
    constraint fk_online_submission_application foreign key (application_id) references qb_application (id),
    constraint fk_online_submission_campaign foreign key (campaign_id) references qb_campaign (id)
) ${table_options};
