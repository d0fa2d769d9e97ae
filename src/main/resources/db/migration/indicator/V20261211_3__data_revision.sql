-- This module's tables raise the organisations' data revisions (platform V20261211_1): each row's
-- organisation at commit, the shared revision for the tables every organisation shares.
create constraint trigger comparison_region_data_revise after insert or update or delete on comparison_region
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger indicator_data_revise after insert or update or delete on indicator
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger indicator_batch_data_revise after insert or update or delete on indicator_batch
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger indicator_set_item_data_revise after insert or update or delete on indicator_set_item
    deferrable initially deferred for each row execute function data_revise();
create trigger indicator_region_data_revise after insert or update or delete or truncate on indicator_region
    for each statement execute function data_revise_shared();
create trigger indicator_value_data_revise after insert or update or delete or truncate on indicator_value
    for each statement execute function data_revise_shared();
create trigger indicator_value_change_data_revise after insert or update or delete or truncate on indicator_value_change
    for each statement execute function data_revise_shared();
