-- A refused change of a record that must not change (an approved wellbeing report) is recorded too:
-- who tried, when, and what was refused.
alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('CREATE', 'UPDATE', 'DELETE', 'REFUSED'));
