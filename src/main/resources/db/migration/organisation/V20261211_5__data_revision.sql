-- This module's tables raise the organisations' data revisions (platform V20261211_1): each row's
-- organisation at commit, the shared revision for the tables every organisation shares.
create constraint trigger body_data_revise after insert or update or delete on body
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger body_member_data_revise after insert or update or delete on body_member
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger person_data_revise after insert or update or delete on person
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger responsibility_data_revise after insert or update or delete on responsibility
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger sector_data_revise after insert or update or delete on sector
    deferrable initially deferred for each row execute function data_revise();
create trigger organisation_data_revise after insert or update or delete or truncate on organisation
    for each statement execute function data_revise_shared();
create trigger region_data_revise after insert or update or delete or truncate on region
    for each statement execute function data_revise_shared();
create trigger reference_data_data_revise after insert or update or delete or truncate on reference_data
    for each statement execute function data_revise_shared();
