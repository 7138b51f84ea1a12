-- A campaign without a defense (浙江2024：资料评审后直接入围，必要时现场核查) ranks its shortlist by the
-- material review score alone: its selections have no defense score.
alter table qb_selection modify defense_score decimal(7, 2) null;
