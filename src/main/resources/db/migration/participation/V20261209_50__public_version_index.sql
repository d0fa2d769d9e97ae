-- The consultation page's ETag counts the answers the public sees on every read
-- (Answering.publicVersion, issue 14 §9): this index answers it without reading the rows.
create index consultation_response_public on consultation_response (consultation_id, status)
    include (organisation_id, version);
