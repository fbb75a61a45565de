package dev.credence.suggest;

import dev.credence.project.Project;
import dev.credence.web.IdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A project's learned suggestion model (OpenNLP maxent over candidate features) and its held-out quality. */
@Entity
@Table(name = "suggestion_model")
public class SuggestionModel extends IdEntity {
    @ManyToOne(optional = false)
    public Project project;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(name = "model_data", nullable = false, length = 1000000)
    public String modelData;

    @Column(nullable = false)
    public Instant trainedAt;

    @Column(nullable = false)
    public int trainingEvents;
    @Column(nullable = false)
    public int trainingDocuments;
    @Column(nullable = false)
    public int heldoutDocuments;

    @Column(name = "quality_json", nullable = false, length = 4000)
    public String qualityJson;

    public static Optional<SuggestionModel> latest(Project project) {
        return find("project = ?1 order by trainedAt desc, id desc", project).firstResultOptional();
    }
}
