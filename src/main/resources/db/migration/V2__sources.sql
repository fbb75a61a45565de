-- Source registry look-ups (portable SQL: H2 and PostgreSQL).
-- Alias equality checks and the list's claim counts / latest grades per source;
-- a source's children; grades filtered by the viewer's projects.
create index ix_source_alias_alias on source_alias(alias);
create index ix_source_parent on source(parent_id);
create index ix_source_type on source(type);
create index ix_source_grade_project on source_grade(project_id, source_id);
