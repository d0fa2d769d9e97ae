-- This module's tables raise the organisations' data revisions (platform V20261211_1): each row's
-- organisation at commit, the shared revision for the tables every organisation shares.
create constraint trigger impact_alternative_data_revise after insert or update or delete on impact_alternative
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger impact_case_data_revise after insert or update or delete on impact_case
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger impact_cell_data_revise after insert or update or delete on impact_cell
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger impact_follow_up_data_revise after insert or update or delete on impact_follow_up
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger impact_frozen_data_revise after insert or update or delete on impact_frozen
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger impact_hearing_data_revise after insert or update or delete on impact_hearing
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger impact_template_data_revise after insert or update or delete on impact_template
    deferrable initially deferred for each row execute function data_revise();
