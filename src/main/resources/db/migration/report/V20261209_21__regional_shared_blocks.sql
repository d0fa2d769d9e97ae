-- A county's regional report: the maturity levels and the joys and worries its members share.
alter table report_block drop constraint report_block_kind_check;
alter table report_block add constraint report_block_kind_check check (kind in ('INDICATOR', 'SET_OVERVIEW',
    'INEQUALITY', 'PLAN_PROGRESS', 'GOAL_PROGRESS', 'EVALUATIONS', 'MATURITY', 'JOYS_WORRIES', 'MINIMUM_DATA',
    'WHAT_CHANGED', 'MEMBERS_INDICATOR', 'MEMBER_REPORTS', 'IMPACT_SHARE', 'MEMBERS_MATURITY', 'MEMBERS_JOYS_WORRIES'));
