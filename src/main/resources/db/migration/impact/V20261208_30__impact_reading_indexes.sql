-- Reading across decisions (issue 13 §8, §9, §12): the decisions touching a plan goal, the
-- cross-decision view by year and group, and the share of key decisions assessed.
create index impact_follow_up_goal on impact_follow_up (organisation_id, goal_id) where goal_id is not null;
create index impact_case_decided on impact_case (organisation_id, decided_on) where decided_on is not null;
create index impact_cell_row on impact_cell (organisation_id, row_key, case_id) where direction <> 'NONE';
