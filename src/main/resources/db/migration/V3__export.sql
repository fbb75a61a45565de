-- Exports page through a project's documents by id (keyset: project_id = ? and id > ? order by id).
create index ix_document_project_id on document(project_id, id);
