-- This module's tables raise the organisations' data revisions (platform V20261211_1): each row's
-- organisation at commit, the shared revision for the tables every organisation shares.
create constraint trigger evaluation_data_revise after insert or update or delete on evaluation
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger goal_data_revise after insert or update or delete on goal
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger goal_indicator_data_revise after insert or update or delete on goal_indicator
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger measure_data_revise after insert or update or delete on measure
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger measure_origin_data_revise after insert or update or delete on measure_origin
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger plan_data_revise after insert or update or delete on plan
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger plan_dimension_data_revise after insert or update or delete on plan_dimension
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger policy_line_data_revise after insert or update or delete on policy_line
    deferrable initially deferred for each row execute function data_revise();
