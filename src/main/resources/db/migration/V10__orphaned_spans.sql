-- Corrected texts (issue 7): spans that re-anchoring could not place confidently on a new revision are
-- kept, flagged, for a reviewer to re-place. Their start/end, exact, prefix and suffix stay as they were:
-- they refer to the text of orphaned_revision (document_revision), not to the current text.
alter table claim add column orphaned boolean not null default false;
alter table claim add column orphaned_revision integer;
alter table mention add column orphaned boolean not null default false;
alter table mention add column orphaned_revision integer;
alter table cue add column orphaned boolean not null default false;
alter table cue add column orphaned_revision integer;

-- Who made the current text, and when (the first text: created_by_id, created_at). An earlier text keeps
-- its author in document_revision.
alter table document add column revised_at timestamp;
alter table document add column revised_by_id bigint references app_user(id);
create index ix_document_revised_by on document(revised_by_id);
create index ix_document_revision_created_by on document_revision(created_by_id);
