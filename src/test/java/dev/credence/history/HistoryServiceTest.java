package dev.credence.history;

import static dev.credence.annotation.AnnotationFixtures.ARTICLE;
import static dev.credence.annotation.AnnotationFixtures.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.credence.TestData;
import dev.credence.account.User;
import dev.credence.annotation.AnnotationFixtures;
import dev.credence.annotation.AnnotationService;
import dev.credence.annotation.Claim;
import dev.credence.annotation.ClaimInput;
import dev.credence.annotation.HopInput;
import dev.credence.annotation.Layer;
import dev.credence.annotation.SpanInput;
import dev.credence.document.Document;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.source.SourceGrade;
import dev.credence.source.SourceInput;
import dev.credence.source.SourceGrades;
import dev.credence.source.SourceService;
import dev.credence.web.Page;
import dev.credence.web.UnprocessableException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HistoryServiceTest {
    @Inject
    TestData data;
    @Inject
    AnnotationFixtures fixtures;
    @Inject
    AnnotationService annotations;
    @Inject
    SourceService sources;
    @Inject
    SourceGrades grades;
    @Inject
    HistoryService history;
    @Inject
    ObjectMapper json;

    User rita;
    Project project;
    Document doc;

    @BeforeEach
    void setUp() {
        data.reset();
        HistoryFixtures.clear();
        rita = data.user("rita");
        project = data.project("Strait watch", rita);
        doc = fixtures.document(project, "Lanternfish report", ARTICLE);
    }

    static HopInput hop(String name, String type, String relation, String grade) {
        return new HopInput(null, name, type, null, null, null, null, relation, grade);
    }

    ClaimInput claim(Integer credibility, String rationale, List<HopInput> hops) {
        SpanInput s = span(ARTICLE, "had targeted 14 shipping companies since March");
        return new ClaimInput(s.start(), s.end(), "event", "asserted", true, credibility, rationale, null, hops);
    }

    JsonNode tree(String s) throws Exception {
        return s == null ? null : json.readTree(s);
    }

    @Test
    void claimCreateUpdateDeleteGiveThreeEntriesWithBeforeAndAfter() throws Exception {
        Claim c = annotations.createClaim(doc, rita, claim(3, null, List.of(hop("Lanternfish", "firm_report", "asserts", "B"))));
        Claim updated = annotations.updateClaim(c, rita, claim(2, "Second source found",
                List.of(hop("Lanternfish", "firm_report", "asserts", "B"))), c.version);
        annotations.deleteClaim(updated, rita);

        List<HistoryEntry> entries = history.ofEntity(HistoryService.CLAIM, c.id);
        assertEquals(3, entries.size());
        ChangeLogEntry created = entries.get(0).entry();
        ChangeLogEntry changed = entries.get(1).entry();
        ChangeLogEntry deleted = entries.get(2).entry();

        assertEquals(ChangeAction.create, created.action);
        assertNull(created.before);
        assertEquals(3, tree(created.after).get("credibility").asInt());
        assertEquals("Lanternfish", tree(created.after).get("attribution").get(0).get("source").asText());
        assertEquals(rita.id, created.userId);
        assertEquals("rita", created.username);
        assertEquals(project.id, created.projectId);
        assertEquals(doc.id, created.documentId);

        assertEquals(ChangeAction.update, changed.action);
        assertEquals(3, tree(changed.before).get("credibility").asInt());
        assertEquals(2, tree(changed.after).get("credibility").asInt());
        assertEquals(List.of("credibility", "rationale"), entries.get(1).changes().stream().map(FieldChange::field).toList());
        FieldChange cred = entries.get(1).changes().get(0);
        assertEquals("3", cred.before());
        assertEquals("2", cred.after());
        assertEquals("—", entries.get(1).changes().get(1).before());

        assertEquals(ChangeAction.delete, deleted.action);
        assertEquals(2, tree(deleted.before).get("credibility").asInt());
        assertNull(deleted.after);
    }

    @Test
    void hopChangesAreRecordedOnTheClaim() throws Exception {
        Claim c = annotations.createClaim(doc, rita, claim(3, null, List.of(hop("Lanternfish", "firm_report", "asserts", "B"),
                hop("Harbor Courier", "independent_media", "reports", "C"))));
        // a reliability grade of one hop
        Claim regraded = annotations.updateClaim(c, rita, claim(3, null, List.of(hop("Lanternfish", "firm_report", "asserts", "A"),
                hop("Harbor Courier", "independent_media", "reports", "C"))), null);
        // the order of hops
        annotations.moveHop(regraded, rita, 1, 0);

        List<HistoryEntry> entries = history.ofEntity(HistoryService.CLAIM, c.id);
        assertEquals(3, entries.size());
        HistoryEntry grade = entries.get(1);
        assertEquals(List.of("attribution"), grade.changes().stream().map(FieldChange::field).toList());
        assertEquals("B", tree(grade.entry().before).get("attribution").get(0).get("reliability").asText());
        assertEquals("A", tree(grade.entry().after).get("attribution").get(0).get("reliability").asText());
        assertTrue(grade.changes().get(0).after().contains("reliability: A"), grade.changes().get(0).after());

        JsonNode moved = tree(entries.get(2).entry().after).get("attribution");
        assertEquals("Harbor Courier", moved.get(0).get("source").asText());
        assertEquals("Lanternfish", moved.get(1).get("source").asText());
    }

    @Test
    void aRefusedChangeLeavesNoEntry() {
        Claim c = annotations.createClaim(doc, rita, claim(3, null, List.of()));
        assertThrows(UnprocessableException.class, () -> annotations.updateClaim(c, rita, claim(9, null, List.of()), null));
        assertEquals(1, history.ofEntity(HistoryService.CLAIM, c.id).size());
    }

    @Test
    void sourceGradeSourceEditsMentionsCuesAndLayerStateAreRecorded() throws Exception {
        Source s = sources.create(new SourceInput("Kestrel Labs", "firm_report", null, null, null, null, null, null,
                List.of()), rita);
        sources.update(s.id, new SourceInput("Kestrel Labs", "firm_report", "Valmora", null, null, null, null, null,
                List.of("Kestrel")));
        SourceGrade g = grades.addGrade(s, project, "B", "Track record", rita);

        List<HistoryEntry> src = history.ofEntity(HistoryService.SOURCE, s.id);
        assertEquals(List.of(ChangeAction.create, ChangeAction.update), src.stream().map(e -> e.entry().action).toList());
        assertEquals(List.of("country", "aliases"), src.get(1).changes().stream().map(FieldChange::field).toList());
        assertNull(src.get(1).entry().projectId, "the registry is shared by all projects");

        List<HistoryEntry> grades = history.ofEntity(HistoryService.SOURCE_GRADE, g.id);
        assertEquals(1, grades.size());
        assertEquals(project.id, grades.get(0).entry().projectId);
        assertEquals("B", tree(grades.get(0).entry().after).get("grade").asText());
        assertEquals("Kestrel Labs", tree(grades.get(0).entry().after).get("source").asText());

        var mention = annotations.createMention(doc, rita, span(ARTICLE, "Lanternfish"), s.id, null, null);
        var cue = annotations.createCue(doc, rita, span(ARTICLE, "told"), "speech");
        annotations.updateCue(cue, rita, "reporting");
        annotations.updateMention(mention, rita, null, null, null);
        annotations.deleteCue(cue, rita);
        var mentionEntries = history.ofEntity(HistoryService.MENTION, mention.id);
        assertEquals("Kestrel Labs", tree(mentionEntries.get(0).entry().after).get("source").asText());
        assertEquals(ChangeAction.update, mentionEntries.get(1).entry().action);
        assertEquals("Kestrel Labs", tree(mentionEntries.get(1).entry().before).get("source").asText());
        assertEquals(List.of(ChangeAction.create, ChangeAction.update, ChangeAction.delete),
                history.ofEntity(HistoryService.CUE, cue.id).stream().map(e -> e.entry().action).toList());

        Layer layer = annotations.findLayer(doc, rita).orElseThrow();
        annotations.submit(layer, rita);
        annotations.reopen(layer, rita);
        List<HistoryEntry> states = history.ofEntity(HistoryService.LAYER, layer.id);
        assertEquals(List.of(ChangeAction.submit, ChangeAction.reopen), states.stream().map(e -> e.entry().action).toList());
        assertEquals("in_progress", tree(states.get(0).entry().before).get("state").asText());
        assertEquals("submitted", tree(states.get(0).entry().after).get("state").asText());
        assertEquals(doc.id, states.get(0).entry().documentId);

        Page<HistoryEntry> page = history.page(new HistoryFilter(project.id, rita.id, null, null), 0, 50);
        assertEquals(8, page.total(), "grade, mention ×2, cue ×3, submit, reopen; registry edits have no project");
        assertEquals(ChangeAction.reopen, page.items().get(0).entry().action, "newest first");
    }
}
