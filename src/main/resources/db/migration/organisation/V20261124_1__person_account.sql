-- A person may be linked to one user account of the organisation: "my responsibilities" and an
-- editor's own sector follow from it.
alter table person add column user_id uuid;
create unique index person_account on person (organisation_id, user_id) where user_id is not null;
