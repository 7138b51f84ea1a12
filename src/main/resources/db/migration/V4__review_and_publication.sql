-- The organiser's review and the publication of its result (附件4 第十八条至第二十四条): the expert pool
-- and assignments, formal review, aggregated scores, the panel's campaign-wide decisions, defense
-- slots, site visits, the selection and the public notice. Owned by the review and publication
-- modules; cases are referred to by id. Placeholders as in V1.

-- An expert of the pool (专家库). unit_id: the recommending unit the expert belongs to, if any; the
-- expert is never assigned that unit's cases (回避).
create table qb_expert (
    id             ${id_column},
    user_id        varchar(64)  not null,
    name           varchar(100) not null,
    organisation   varchar(200) not null,
    unit_id        bigint,
    active         boolean      not null,
    registered_by  varchar(64)  not null,
    registered_at  ${ts_type}   not null,
    updated_at     ${ts_type}   not null,
    constraint uk_expert_user unique (user_id),
    constraint fk_expert_unit foreign key (unit_id) references qb_unit (id)
) ${table_options};

-- Which experts score which case at which stage. campaign_id is kept so that an expert's load in a
-- campaign is counted without reading the cases.
create table qb_expert_assignment (
    id              ${id_column},
    application_id  bigint      not null,
    campaign_id     bigint      not null,
    stage           varchar(32) not null,
    expert_user_id  varchar(64) not null,
    assigned_at     ${ts_type}  not null,
    constraint uk_expert_assignment unique (application_id, stage, expert_user_id),
    constraint fk_expert_assignment_application foreign key (application_id) references qb_application (id),
    constraint fk_expert_assignment_campaign foreign key (campaign_id) references qb_campaign (id)
) ${table_options};

create index ix_expert_assignment_load on qb_expert_assignment (campaign_id, expert_user_id);

-- A case's aggregated score at one stage; replaced when the scores change and are aggregated again.
create table qb_review_result (
    id              ${id_column},
    application_id  bigint        not null,
    stage           varchar(32)   not null,
    expert_count    int           not null,
    trimmed         boolean       not null,
    score           decimal(7, 2) not null,
    highest_total   decimal(7, 2) not null,
    lowest_total    decimal(7, 2) not null,
    spread          decimal(7, 2) not null,
    flagged         boolean       not null,
    aggregated_at   ${ts_type}    not null,
    constraint uk_review_result unique (application_id, stage),
    constraint fk_review_result_application foreign key (application_id) references qb_application (id)
) ${table_options};

-- One round of formal review (形式审查): the automatic check's findings, then the office's checklist
-- and decision. A case returned for correction gets a new round when it comes back.
create table qb_formal_review (
    id              ${id_column},
    application_id  bigint        not null,
    checked_at      ${ts_type}    not null,
    finding_count   int           not null,
    findings        ${text_type}  not null,
    qualified       boolean,
    complete        boolean,
    sealed          boolean,
    profitable      boolean,
    decision        varchar(16),
    reason          varchar(2000),
    correction_due  date,
    decided_by      varchar(64),
    decided_at      ${ts_type},
    constraint fk_formal_review_application foreign key (application_id) references qb_application (id)
) ${table_options};

create index ix_formal_review_application on qb_formal_review (application_id);

-- The panel's campaign-wide decisions (答辩名单, 推荐名单), each taken once per campaign.
create table qb_panel_decision (
    id           ${id_column},
    campaign_id  bigint        not null,
    kind         varchar(32)   not null,
    cutoff       decimal(7, 2),
    note         varchar(2000),
    decided_by   varchar(64)   not null,
    decided_at   ${ts_type}    not null,
    constraint uk_panel_decision unique (campaign_id, kind),
    constraint fk_panel_decision_campaign foreign key (campaign_id) references qb_campaign (id)
) ${table_options};

create table qb_defense_slot (
    id              ${id_column},
    application_id  bigint       not null,
    campaign_id     bigint       not null,
    slot_order      int          not null,
    starts_at       ${ts_type}   not null,
    slot_minutes    int          not null,
    place           varchar(200) not null,
    constraint uk_defense_slot_application unique (application_id),
    constraint uk_defense_slot_order unique (campaign_id, slot_order),
    constraint fk_defense_slot_application foreign key (application_id) references qb_application (id),
    constraint fk_defense_slot_campaign foreign key (campaign_id) references qb_campaign (id)
) ${table_options};

create table qb_site_visit (
    id              ${id_column},
    application_id  bigint       not null,
    visited_on      date         not null,
    findings        ${text_type} not null,
    passed          boolean      not null,
    recorded_by     varchar(64)  not null,
    recorded_at     ${ts_type}   not null,
    constraint uk_site_visit_application unique (application_id),
    constraint fk_site_visit_application foreign key (application_id) references qb_application (id)
) ${table_options};

-- The ranked shortlist: every shortlisted case with its final rank and whether it was selected.
create table qb_selection (
    id              ${id_column},
    campaign_id     bigint        not null,
    application_id  bigint        not null,
    final_rank      int           not null,
    outcome         varchar(16)   not null,
    defense_score   decimal(7, 2) not null,
    material_score  decimal(7, 2) not null,
    decided_at      ${ts_type}    not null,
    constraint uk_selection_application unique (application_id),
    constraint uk_selection_rank unique (campaign_id, final_rank),
    constraint fk_selection_application foreign key (application_id) references qb_application (id),
    constraint fk_selection_campaign foreign key (campaign_id) references qb_campaign (id)
) ${table_options};

-- The campaign's public notice (公示): its period in whole days of the campaign's time zone, and when
-- it started, ended and the result was announced.
create table qb_public_notice (
    id            ${id_column},
    campaign_id   bigint     not null,
    starts_on     date       not null,
    ends_on       date       not null,
    started_at    ${ts_type} not null,
    ended_at      ${ts_type},
    announced_at  ${ts_type},
    constraint uk_public_notice_campaign unique (campaign_id),
    constraint fk_public_notice_campaign foreign key (campaign_id) references qb_campaign (id)
) ${table_options};
