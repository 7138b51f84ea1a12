-- The statistics tables of an application form (浙江2024 表1–表5: 管理效益、经济效益 …), one row per
-- TABLE field holding the table as JSON. A table of text cells outgrows qb_application_field's
-- varchar(2000), and widening that column has no syntax common to H2 and MySQL; the one-value fields
-- stay where they are.
create table qb_application_table (
    application_id  bigint       not null,
    field_key       varchar(32)  not null,
    content         ${text_type} not null,
    constraint pk_application_table primary key (application_id, field_key),
    constraint fk_application_table foreign key (application_id) references qb_application (id)
) ${table_options};
