-- The organisation's revision of its decision cases (issue 13 §5, session 6): one number per
-- organisation, raised in the same transaction as any change to its cases, alternatives, cells or
-- hearings. The case page keeps its cross-check by this number, so a kept result is never older than
-- the data it was computed from. The trigger runs once per organisation and transaction, at commit
-- (deferred), so the revision's row is locked last and briefly, after the transaction's other locks:
-- two saves in one organisation queue at commit and cannot deadlock on it.
create table impact_revision (
    organisation_id uuid primary key,
    revision bigint not null default 0
);

create function impact_revise() returns trigger language plpgsql as $$
declare
    org uuid;
    done text := coalesce(current_setting('hyte.impact_revised', true), '');
begin
    if tg_op = 'DELETE' then
        org := old.organisation_id;
    else
        org := new.organisation_id;
    end if;
    if position(org::text in done) = 0 then
        insert into impact_revision (organisation_id, revision) values (org, 1)
        on conflict (organisation_id) do update set revision = impact_revision.revision + 1;
        perform set_config('hyte.impact_revised', done || org::text || ',', true);
    end if;
    return null;
end $$;

create constraint trigger impact_case_revise after insert or update or delete on impact_case
    deferrable initially deferred for each row execute function impact_revise();
create constraint trigger impact_alternative_revise after insert or update or delete on impact_alternative
    deferrable initially deferred for each row execute function impact_revise();
create constraint trigger impact_cell_revise after insert or update or delete on impact_cell
    deferrable initially deferred for each row execute function impact_revise();
create constraint trigger impact_hearing_revise after insert or update or delete on impact_hearing
    deferrable initially deferred for each row execute function impact_revise();
