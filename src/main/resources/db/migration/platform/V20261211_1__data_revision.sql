-- The organisations' data revisions (issue 12 §11, session 7): one number per organisation, raised in
-- the same transaction as any change to what that organisation's pages may compose from its data
-- (its plan, maturity rounds, indicators and their set, decision cases, participation, people and
-- sectors, reports and pictures). One more row, under the nil id, counts the data every organisation
-- shares: indicator values and regions from THL, the organisations themselves, the maturity model.
-- What is composed from data can then be kept by the revisions it was read under: read the
-- revisions first, then the data, and a kept composition is never older than the data it shows.
--
-- Each module's own migration puts the triggers on its tables (the test DataRevisionTests names
-- every table of an organisation's that has none, and why). A row trigger runs at commit
-- (deferred) and once per organisation and transaction, so the revision's row is locked last and
-- briefly, after the transaction's other locks: two saves in one organisation queue at commit and
-- cannot deadlock on it. The shared tables are written in bulk (an import merges thousands of
-- values in one statement), so their trigger runs once per statement and leaves a mark that a
-- deferred trigger turns into one raise at commit.
create table data_revision (
    organisation_id uuid primary key,
    revision bigint not null
);

create function data_revision_raise(org uuid) returns void language plpgsql as $$
declare
    done text := coalesce(current_setting('hyte.data_revised', true), '');
begin
    if position(org::text in done) = 0 then
        insert into data_revision (organisation_id, revision) values (org, 1)
        on conflict (organisation_id) do update set revision = data_revision.revision + 1;
        perform set_config('hyte.data_revised', done || org::text || ',', true);
    end if;
end $$;

-- For a table with an organisation_id column; a row without one (a shared indicator) counts as shared.
create function data_revise() returns trigger language plpgsql as $$
declare
    shared constant uuid := '00000000-0000-0000-0000-000000000000';
begin
    if tg_op <> 'INSERT' then
        perform data_revision_raise(coalesce(old.organisation_id, shared));
    end if;
    if tg_op <> 'DELETE' then
        perform data_revision_raise(coalesce(new.organisation_id, shared));
    end if;
    return null;
end $$;

-- One mark per transaction that changed shared data; removed again by the raise at commit.
create table data_revision_shared_mark (
    transaction_id bigint primary key
);

create function data_revise_shared() returns trigger language plpgsql as $$
begin
    -- A rolled-back savepoint takes the setting and the mark back together.
    if current_setting('hyte.data_shared_marked', true) is distinct from 'yes' then
        insert into data_revision_shared_mark (transaction_id) values (txid_current());
        perform set_config('hyte.data_shared_marked', 'yes', true);
    end if;
    return null;
end $$;

create function data_revise_shared_mark() returns trigger language plpgsql as $$
begin
    perform data_revision_raise('00000000-0000-0000-0000-000000000000');
    delete from data_revision_shared_mark where transaction_id = new.transaction_id;
    return null;
end $$;

create constraint trigger data_revision_shared_mark_raise after insert on data_revision_shared_mark
    deferrable initially deferred for each row execute function data_revise_shared_mark();
