-- This module's tables raise the organisations' data revisions (platform V20261211_1): each row's
-- organisation at commit, the shared revision for the tables every organisation shares.
create constraint trigger consultation_data_revise after insert or update or delete on consultation
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger consultation_outside_data_revise after insert or update or delete on consultation_outside
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger consultation_question_data_revise after insert or update or delete on consultation_question
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger consultation_section_data_revise after insert or update or delete on consultation_section
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger council_notice_data_revise after insert or update or delete on council_notice
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger council_statement_data_revise after insert or update or delete on council_statement
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger joy_collection_data_revise after insert or update or delete on joy_collection
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger joy_item_data_revise after insert or update or delete on joy_item
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger measure_feedback_data_revise after insert or update or delete on measure_feedback
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger participation_outcome_data_revise after insert or update or delete on participation_outcome
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger participation_theme_data_revise after insert or update or delete on participation_theme
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger participation_theme_item_data_revise after insert or update or delete on participation_theme_item
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger public_evaluations_data_revise after insert or update or delete on public_evaluations
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger public_indicator_data_revise after insert or update or delete on public_indicator
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger public_plan_data_revise after insert or update or delete on public_plan
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger public_site_data_revise after insert or update or delete on public_site
    deferrable initially deferred for each row execute function data_revise();
