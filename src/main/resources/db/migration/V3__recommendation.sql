-- Recommending units' lists (推荐名单): one per campaign and unit, submitted once, cases in rank order.
-- Placeholders as in V1.

create table qb_recommendation_list (
    id            ${id_column},
    campaign_id   bigint        not null,
    unit_id       bigint        not null,
    note          varchar(2000),
    submitted_by  varchar(64)   not null,
    submitted_at  ${ts_type}    not null,
    constraint uk_recommendation_list unique (campaign_id, unit_id),
    constraint fk_recommendation_list_campaign foreign key (campaign_id) references qb_campaign (id),
    constraint fk_recommendation_list_unit foreign key (unit_id) references qb_unit (id)
) ${table_options};

create table qb_recommendation_entry (
    list_id         bigint  not null,
    list_position   int     not null,
    application_id  bigint  not null,
    unit_rank       int,
    constraint pk_recommendation_entry primary key (list_id, list_position),
    constraint fk_recommendation_entry_list foreign key (list_id) references qb_recommendation_list (id),
    constraint fk_recommendation_entry_application foreign key (application_id) references qb_application (id)
) ${table_options};
