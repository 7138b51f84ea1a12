-- A campaign without a defense (浙江2024：资料评审后直接入围，必要时现场核查) ranks its shortlist by the
-- material review score alone: its selections have no defense score. The column becomes nullable by
-- moving to a new one, because H2 and MySQL have no common syntax for dropping a NOT NULL.
alter table qb_selection add column defense_points decimal(7, 2);
update qb_selection set defense_points = defense_score;
alter table qb_selection drop column defense_score;
