-- The selection procedure after submission: corrections, recommendation lists, reviews, the public notice.

alter table qb_application add returned_from varchar(32);
alter table qb_application add correction_due date;
