-- A picture's number in its report, the one its reference in a section's text names (![Kuva 3](kuva:3)).
-- Copied with the picture when a report starts from an earlier one, so the copied text still finds it.
alter table report_image add column number integer;
update report_image i set number = n.number
  from (select id, row_number() over (partition by report_id order by section_id, position, created_at) as number
          from report_image) n
 where n.id = i.id;
alter table report_image alter column number set not null;
create index report_image_number on report_image (organisation_id, report_id, number);
