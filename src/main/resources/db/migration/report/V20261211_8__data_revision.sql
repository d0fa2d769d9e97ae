-- This module's tables raise the organisations' data revisions (platform V20261211_1): each row's
-- organisation at commit, the shared revision for the tables every organisation shares.
create constraint trigger report_data_revise after insert or update or delete on report
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger report_block_data_revise after insert or update or delete on report_block
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger report_handling_data_revise after insert or update or delete on report_handling
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger report_image_data_revise after insert or update or delete on report_image
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger report_joy_worry_data_revise after insert or update or delete on report_joy_worry
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger report_member_link_data_revise after insert or update or delete on report_member_link
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger report_minimum_item_data_revise after insert or update or delete on report_minimum_item
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger report_plain_language_data_revise after insert or update or delete on report_plain_language
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger report_section_data_revise after insert or update or delete on report_section
    deferrable initially deferred for each row execute function data_revise();
create constraint trigger report_snapshot_data_revise after insert or update or delete on report_snapshot
    deferrable initially deferred for each row execute function data_revise();
create trigger report_sent_data_revise after insert or update or delete or truncate on report_sent
    for each statement execute function data_revise_shared();
