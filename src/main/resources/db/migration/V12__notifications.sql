-- Notifications (owned by the notification module). Placeholders as in V1.
--
-- qb_notification_outbox: one row per message to send, written in the transaction of the step that
-- causes it, so a message exists exactly when its step committed. The unique key (event, recipient,
-- channel) makes a second notify() for the same event refuse to queue the same message again. The
-- dispatcher claims a row by moving it to SENDING with a fresh claim token and a version check, so
-- two nodes never both send it; the token fences a sender that a recovery has already replaced.
-- message_id is derived from the row once and reused on every attempt (see the package-info).
create table qb_notification_outbox (
    id               ${id_column},
    event_key        varchar(200)  not null,
    recipient        varchar(64)   not null,
    channel          varchar(16)   not null,
    address          varchar(320),
    template_key     varchar(100)  not null,
    subject          varchar(500)  not null,
    body             ${text_type}  not null,
    link             varchar(500),
    message_id       varchar(300),
    status           varchar(16)   not null,
    attempts         int           not null,
    next_attempt_at  ${ts_type}    not null,
    claim_token      varchar(64),
    claimed_at       ${ts_type},
    last_error       varchar(2000),
    created_at       ${ts_type}    not null,
    sent_at          ${ts_type},
    version          bigint        not null,
    constraint uk_notification_outbox_event unique (event_key, recipient, channel)
) ${table_options};

create index ix_notification_outbox_due on qb_notification_outbox (status, next_attempt_at);

-- qb_inbox_message: the in-app inbox. A row is written by delivering an INBOX outbox row, in the same
-- transaction that marks that row SENT; outbox_id is unique, so a delivery can never be doubled.
create table qb_inbox_message (
    id           ${id_column},
    outbox_id    bigint        not null,
    user_id      varchar(64)   not null,
    subject      varchar(500)  not null,
    body         ${text_type}  not null,
    link         varchar(500),
    created_at   ${ts_type}    not null,
    read_at      ${ts_type},
    constraint uk_inbox_message_outbox unique (outbox_id),
    constraint fk_inbox_message_outbox foreign key (outbox_id) references qb_notification_outbox (id)
) ${table_options};

create index ix_inbox_message_user on qb_inbox_message (user_id, created_at);
