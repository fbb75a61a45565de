package dev.credence.exchange.backup;

import java.util.List;

/** The archive entries that are plain tables of the project: the select of each, its page size and its JSON fields. */
final class BackupTables {
    private BackupTables() {
    }

    /** Rows per page; documents and revisions carry whole texts, so they page by fewer. */
    static final int PAGE = 1000;
    static final int TEXT_PAGE = 100;

    /**
     * One table of the archive: a JPQL select of one entity (alias after "from Entity") whose first column is the
     * row id, restricted to the project (:project), and the JSON field of each column. Keyset paging is appended.
     */
    record Table(String entry, String jpql, int page, String... fields) {
    }

    /** Suggestion models carry up to 1 MB of base64 each. */
    static final int MODEL_PAGE = 5;

    static final List<Table> TABLES = List.of(
            new Table(BackupFormat.LABEL_SCHEMA, "select v.id, v.field, v.position, v.name, v.label, v.hotkey, v.colour"
                    + " from dev.credence.annotation.schema.LabelValue v where v.project.id = :project", PAGE,
                    "id", "field", "position", "name", "label", "hotkey", "colour"),
            new Table(BackupFormat.SUGGESTIONS, "select s.id, s.layer.id, s.documentRevision, s.claimStart, s.claimEnd,"
                    + " s.claimExact, s.cueStart, s.cueEnd, s.cueExact, s.cueClass, s.sourceStart, s.sourceEnd,"
                    + " s.sourceExact, s.sourceName, s.registrySource.id, s.sourceType, s.hopsJson, s.features, s.score,"
                    + " s.model, s.state, s.claimId, s.decidedAt, s.createdAt from dev.credence.suggest.Suggestion s"
                    + " where s.layer.document.project.id = :project", PAGE,
                    "id", "layerId", "documentRevision", "claimStart", "claimEnd", "claimExact", "cueStart", "cueEnd",
                    "cueExact", "cueClass", "sourceStart", "sourceEnd", "sourceExact", "sourceName", "registrySourceId",
                    "sourceType", "hops", "features", "score", "model", "state", "claimId", "decidedAt", "createdAt"),
            new Table(BackupFormat.SUGGESTION_MODELS, "select m.id, m.name, m.modelData, m.trainedAt, m.trainingEvents,"
                    + " m.trainingDocuments, m.heldoutDocuments, m.qualityJson from dev.credence.suggest.SuggestionModel m"
                    + " where m.project.id = :project", MODEL_PAGE,
                    "id", "name", "modelData", "trainedAt", "trainingEvents", "trainingDocuments", "heldoutDocuments",
                    "quality"),
            new Table(BackupFormat.MEMBERS, "select m.id, u.username, m.role from Membership m join m.user u"
                    + " where m.project.id = :project", PAGE, "id", "username", "role"),
            new Table(BackupFormat.SOURCE_GRADES, "select g.id, g.source.id, g.grade, g.rationale, u.username, g.gradedAt"
                    + " from SourceGrade g join g.gradedBy u where g.project.id = :project", PAGE,
                    "id", "sourceId", "grade", "rationale", "gradedBy", "gradedAt"),
            new Table(BackupFormat.DOCUMENTS, "select d.id, d.title, d.url, d.publisher, d.publishedAt, d.text, d.textSha256,"
                    + " d.lengthCp, d.revision, cb.username, d.createdAt from Document d left join d.createdBy cb"
                    + " where d.project.id = :project", TEXT_PAGE, "id", "title", "url", "publisher", "publishedAt", "text",
                    "textSha256", "lengthCp", "revision", "createdBy", "createdAt"),
            new Table(BackupFormat.DOCUMENT_REVISIONS, "select r.id, r.document.id, r.revision, r.text, r.textSha256, r.lengthCp,"
                    + " cb.username, r.createdAt from DocumentRevision r left join r.createdBy cb"
                    + " where r.document.project.id = :project", TEXT_PAGE, "id", "documentId", "revision", "text",
                    "textSha256", "lengthCp", "createdBy", "createdAt"),
            new Table(BackupFormat.LAYERS, "select l.id, l.document.id, o.username, l.kind, l.state, l.updatedAt, l.version"
                    + " from Layer l left join l.owner o where l.document.project.id = :project", PAGE,
                    "id", "documentId", "owner", "kind", "state", "updatedAt", "version"),
            new Table(BackupFormat.MENTIONS, "select m.id, m.layer.id, m.start, m.end, m.exact, m.prefix, m.suffix,"
                    + " m.source.id, m.createdAt, m.orphaned, m.orphanedRevision from Mention m where m.layer.document.project.id = :project",
                    PAGE, "id", "layerId", "start", "end", "exact", "prefix", "suffix", "sourceId", "createdAt", "orphaned",
                    "orphanedRevision"),
            new Table(BackupFormat.CUES, "select c.id, c.layer.id, c.start, c.end, c.exact, c.prefix, c.suffix, c.cueClass,"
                    + " c.createdAt, c.orphaned, c.orphanedRevision from Cue c where c.layer.document.project.id = :project", PAGE,
                    "id", "layerId", "start", "end", "exact", "prefix", "suffix", "cueClass", "createdAt", "orphaned",
                    "orphanedRevision"),
            new Table(BackupFormat.CLAIMS, "select c.id, c.layer.id, c.start, c.end, c.exact, c.prefix, c.suffix, c.kind,"
                    + " c.stance, c.checkWorthy, c.credibility, c.rationale, c.evidenceUrl, c.createdAt, c.updatedAt, c.version,"
                    + " c.orphaned, c.orphanedRevision from Claim c where c.layer.document.project.id = :project", PAGE,
                    "id", "layerId", "start", "end", "exact", "prefix", "suffix", "kind", "stance", "checkWorthy",
                    "credibility", "rationale", "evidenceUrl", "createdAt", "updatedAt", "version", "orphaned",
                    "orphanedRevision"),
            new Table(BackupFormat.HOPS, "select h.id, h.claim.id, h.position, h.source.id, h.mention.id, h.cue.id,"
                    + " h.relation, h.reliability from AttributionHop h where h.claim.layer.document.project.id = :project",
                    PAGE, "id", "claimId", "position", "sourceId", "mentionId", "cueId", "relation", "reliability"),
            new Table(BackupFormat.COMMENTS, "select c.id, c.claim.id, c.parent.id, a.username, c.body, c.createdAt"
                    + " from ClaimComment c join c.author a where c.claim.layer.document.project.id = :project", PAGE,
                    "id", "claimId", "parentId", "author", "body", "createdAt"),
            new Table(BackupFormat.CLAIM_LINKS, "select l.id, l.claim.id, l.target.id, l.relation, l.origin, l.note,"
                    + " u.username, l.createdAt from dev.credence.corroboration.ClaimLink l left join l.createdBy u"
                    + " where l.project.id = :project", PAGE,
                    "id", "claimId", "targetClaimId", "relation", "origin", "note", "createdBy", "createdAt"),
            new Table(BackupFormat.HISTORY, "select e.id, e.changedAt, e.username, e.documentId, e.entityType, e.entityId,"
                    + " e.action, e.before, e.after from ChangeLogEntry e where e.projectId = :project", PAGE,
                    "id", "changedAt", "username", "documentId", "entityType", "entityId", "action", "before", "after"));

    static Table table(String entry) {
        return TABLES.stream().filter(t -> t.entry().equals(entry)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no table for " + entry));
    }

    /** The alias of the selected entity: the word after "from Entity". */
    static String alias(String jpql) {
        String[] words = jpql.substring(jpql.indexOf(" from ") + 6).split(" ");
        return words[1];
    }
}
