-- Deadline changes (截止日期调整): a notice extended while its campaign runs. The configured schedule
-- stays as the notice printed it; every change is a row here, applied on top of it in the order made,
-- so that the history shows who moved which date, when and why, and a restart keeps the moved date.
-- Owned by the campaign module. Placeholders as in V1.

create table qb_deadline_change (
    id            ${id_column},
    campaign_id   bigint        not null,
    schedule_key  varchar(32)   not null,
    old_date      date          not null,
    new_date      date          not null,
    reason        varchar(1000) not null,
    changed_by    varchar(64)   not null,
    changed_at    ${ts_type}    not null,
    constraint fk_deadline_change_campaign foreign key (campaign_id) references qb_campaign (id)
) ${table_options};

create index ix_deadline_change_campaign on qb_deadline_change (campaign_id, id);
