-- A hearing may be a consultation of the participation module (same organisation; checked through
-- participation.ParticipationCatalog when linked, no foreign key across modules' tables).
alter table impact_hearing add column consultation_id uuid;
