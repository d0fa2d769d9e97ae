-- Impact's own revision of its cases (V20261210_40) did for the case page's cross-check what the
-- organisations' data revisions (platform V20261211_1, impact V20261211_2) now do for every module:
-- the cross-check is kept by the organisation's data revision instead, raised by the same changes
-- (and by any other change of the organisation's data), so the second mechanism goes.
drop trigger impact_case_revise on impact_case;
drop trigger impact_alternative_revise on impact_alternative;
drop trigger impact_cell_revise on impact_cell;
drop trigger impact_hearing_revise on impact_hearing;
drop function impact_revise();
drop table impact_revision;
