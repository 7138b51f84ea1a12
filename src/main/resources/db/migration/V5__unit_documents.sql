-- Documents a recommending unit sends with its recommendation list (推荐文件, 推荐汇总表 …), by the kinds
-- of the campaign's recommendation.documents. The bytes live in the file store under storage_key.
-- Placeholders as in V1.

create table qb_unit_document (
    id             ${id_column},
    campaign_id    bigint        not null,
    unit_id        bigint        not null,
    kind           varchar(64)   not null,
    original_name  varchar(255)  not null,
    storage_key    varchar(255)  not null,
    content_type   varchar(128)  not null,
    size_bytes     bigint        not null,
    sha256         varchar(64)   not null,
    uploaded_by    varchar(64)   not null,
    uploaded_at    ${ts_type}    not null,
    constraint uk_unit_document_storage unique (storage_key),
    constraint fk_unit_document_campaign foreign key (campaign_id) references qb_campaign (id),
    constraint fk_unit_document_unit foreign key (unit_id) references qb_unit (id)
) ${table_options};

create index ix_unit_document_campaign_unit on qb_unit_document (campaign_id, unit_id);
