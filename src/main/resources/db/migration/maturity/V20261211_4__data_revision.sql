-- This module's tables raise the organisations' data revisions (platform V20261211_1): each row's
-- organisation at commit, the shared revision for the tables every organisation shares.
create constraint trigger maturity_action_data_revise after insert or update or delete on maturity_action
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger maturity_answer_data_revise after insert or update or delete on maturity_answer
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger maturity_consensus_data_revise after insert or update or delete on maturity_consensus
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger maturity_participant_data_revise after insert or update or delete on maturity_participant
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger maturity_round_data_revise after insert or update or delete on maturity_round
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger maturity_sharing_data_revise after insert or update or delete on maturity_sharing
    deferrable initially deferred for each row execute function data_revise();
create trigger maturity_model_data_revise after insert or update or delete or truncate on maturity_model
    for each statement execute function data_revise_shared();
