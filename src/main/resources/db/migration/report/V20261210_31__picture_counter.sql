-- A picture's number is taken from a counter on its report, raised by the same statement that stores
-- the picture: the report's row is locked meanwhile, so two uploads at once get two numbers, and a
-- number once given is never given again in that report (a text that still names a deleted picture
-- never shows another one). The unique index makes the database itself refuse a repeated number.
alter table report add column pictures_numbered integer not null default 0;
update report r set pictures_numbered = coalesce((select max(i.number) from report_image i where i.report_id = r.id), 0);
create unique index report_image_number_once on report_image (report_id, number);
