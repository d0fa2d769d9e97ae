-- A goal of a new term's plan that started as a copy of the previous term's goal points to the goal it
-- came from, so a goal can be followed across council terms. The key includes the organisation, so a
-- goal can never point to another organisation's; removing the earlier goal only drops the link.
alter table goal add column copied_from uuid;
alter table goal add foreign key (copied_from, organisation_id) references goal (id, organisation_id)
    on delete set null (copied_from);
