-- The consultation page's ETag counts the answers the public sees on every read
-- (Answering.publicVersion, issue 14 §9): this index answers it without reading the rows.
create index consultation_response_public on consultation_response (consultation_id, status)
    include (organisation_id, version);

-- A consultation's summary counts the answers to each question (Summaries.question): with 20,000
-- answers, from the question's own rows rather than every answer of the consultation.
create index consultation_answer_question on consultation_answer (question_id) where question_id is not null;
