-- The background job runner moved from the indicator module to the platform (fi.hyte.platform.jobs), so
-- every module's long work (imports, the Sotkanet refresh, a report's PDF) shares one table and one
-- rule: one running job per scope. The table was created as indicator_job by the indicator migration
-- V20261123_1, which installations with kept data have applied, so that file is never edited. Flyway
-- orders all modules' folders by version, so indicator_job exists here on a kept database and on a
-- fresh one alike: it is renamed, with its rows, and the platform owns it from now on.
alter table indicator_job rename to background_job;
alter index indicator_job_pkey rename to background_job_pkey;
alter index indicator_job_one_running rename to background_job_one_running;
alter index indicator_job_recent rename to background_job_recent;
alter table background_job rename constraint indicator_job_organisation_id_fkey to background_job_organisation_id_fkey;
alter table background_job rename constraint indicator_job_started_by_fkey to background_job_started_by_fkey;
alter table background_job rename constraint indicator_job_status_check to background_job_status_check;

-- A kind is the owning module's word; the runner only asks that it looks like one.
alter table background_job drop constraint indicator_job_kind_check;
alter table background_job add constraint background_job_kind_check check (kind ~ '^[A-Z][A-Z0-9_]{0,39}$');

-- The runner's own endings are keys of the platform bundle now; the outcomes' keys stay the modules'.
update background_job set message = 'platform.job.failed' where message = 'indicator.job.failed';
update background_job set message = 'platform.job.interrupted' where message = 'indicator.job.interrupted';
