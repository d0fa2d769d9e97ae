-- Stored previews name their problems as the shared file reader does (platform.files.FileProblem):
-- "line"/"code" become "row"/"key", and the reader's own refusals move to the files.problem keys.
update indicator_upload
set preview = jsonb_set(preview, '{problems}', coalesce((
        select jsonb_agg(jsonb_build_object(
                'sheet', null,
                'row', p -> 'line',
                'reference', null,
                'column', null,
                'key', case p ->> 'code'
                        when 'encoding' then 'files.problem.encoding'
                        when 'empty' then 'files.problem.empty'
                        when 'syntax' then 'files.problem.csvSyntax'
                        when 'workbook' then 'files.problem.damaged'
                        else 'indicator.problem.' || (p ->> 'code') end,
                'args', coalesce(p -> 'args', '[]'::jsonb)) order by ordinality)
        from jsonb_array_elements(preview -> 'problems') with ordinality as e (p, ordinality)), '[]'::jsonb))
where jsonb_typeof(preview -> 'problems') = 'array'
  and exists (select 1 from jsonb_array_elements(preview -> 'problems') p where p ? 'code');
