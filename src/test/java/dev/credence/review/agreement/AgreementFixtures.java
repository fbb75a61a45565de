package dev.credence.review.agreement;

import dev.credence.account.User;
import dev.credence.annotation.Claim;
import dev.credence.annotation.Layer;
import dev.credence.annotation.LayerState;
import dev.credence.annotation.Relation;
import dev.credence.document.Document;
import dev.credence.exchange.ExportFixtures.HopSpec;
import dev.credence.exchange.ExportFixtures;
import dev.credence.project.Project;
import dev.credence.source.Source;
import dev.credence.source.SourceType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A small, hand-checked agreement setup: one document, reviewers alice and bob
 * (submitted), carl (in progress) and a gold layer, which must both be ignored.
 *
 * <pre>
 * claim                                   alice            bob
 * the ferry fleet doubled … last year     2  gov_off B     2  gov_off B      exact
 * the drills involved forty ships         3  think_tank C  (drills … ships) 3 think_tank C   overlap only
 * the port will close in spring           4  unnamed D     3  academic F     exact
 * the channel was dredged in May          2  gov_off A     2  gov_off A      exact
 * any blockade was planned                5  gov_stmt      —
 * </pre>
 *
 * Expected (a = alice, b = bob): matched 4, P = 4/4, R = 4/5, F1 = 8/9; exact 3: P = 3/4, R = 3/5,
 * F1 = 2/3; κ credibility = (0.75 − 0.375)/0.625 = 0.6; κ reliability = (0.75 − 0.1875)/0.8125 = 0.6923;
 * α credibility (ordinal, 4 units) = 1 − 7·8/560 = 0.9; α reliability (ordinal, F missing → 3 units) = 1;
 * α source type (nominal) = 1 − 7·2/42 = 2/3; α relation = 1.
 */
@ApplicationScoped
public class AgreementFixtures {
    public static final String TEXT = "Harbor officials said the ferry fleet doubled its capacity last year. "
            + "The Velmar Institute reported that the drills involved forty ships. "
            + "Analysts believe the port will close in spring. "
            + "Port authorities confirmed the channel was dredged in May. "
            + "The ministry denied any blockade was planned.\n";

    @Inject
    ExportFixtures fixtures;

    public Document setUp(Project project, User alice, User bob, User carl) {
        Document d = fixtures.document(project, "Harbor drills", TEXT);
        Source officials = fixtures.source("Harbor officials", SourceType.government_official);
        Source institute = fixtures.source("Velmar Institute", SourceType.think_tank);
        Source analysts = fixtures.source("Analysts", SourceType.unnamed_experts);
        Source scholars = fixtures.source("Harbor scholars", SourceType.academic_expert);
        Source authorities = fixtures.source("Port authorities", SourceType.government_official);
        Source ministry = fixtures.source("Ministry of Ports", SourceType.government_statement);

        Layer a = fixtures.layer(d, alice);
        claim(a, "the ferry fleet doubled its capacity last year", 2, officials, Relation.asserts, "B");
        claim(a, "the drills involved forty ships", 3, institute, Relation.reports, "C");
        claim(a, "the port will close in spring", 4, analysts, Relation.asserts, "D");
        claim(a, "the channel was dredged in May", 2, authorities, Relation.asserts, "A");
        claim(a, "any blockade was planned", 5, ministry, Relation.asserts, "B");
        submit(a);

        Layer b = fixtures.layer(d, bob);
        claim(b, "the ferry fleet doubled its capacity last year", 2, officials, Relation.asserts, "B");
        claim(b, "drills involved forty ships", 3, institute, Relation.reports, "C");
        claim(b, "the port will close in spring", 3, scholars, Relation.asserts, "F");
        claim(b, "the channel was dredged in May", 2, authorities, Relation.asserts, "A");
        submit(b);

        Layer c = fixtures.layer(d, carl); // in progress: not counted
        claim(c, "the ferry fleet doubled its capacity last year", 6, officials, Relation.cites, "E");
        Layer gold = fixtures.layer(d, null); // gold: not counted
        claim(gold, "the ferry fleet doubled its capacity last year", 1, officials, Relation.asserts, "A");
        submit(gold);
        return d;
    }

    public Claim claim(Layer layer, String exact, int credibility, Source source, Relation relation, String reliability) {
        Claim c = fixtures.claim(layer, exact, new HopSpec(source, null, null, relation, reliability));
        QuarkusTransaction.requiringNew().run(() -> {
            Claim managed = Claim.findById(c.id);
            managed.credibility = credibility;
        });
        return c;
    }

    public void submit(Layer layer) {
        QuarkusTransaction.requiringNew().run(() -> {
            Layer managed = Layer.findById(layer.id);
            managed.state = LayerState.submitted;
        });
    }
}
