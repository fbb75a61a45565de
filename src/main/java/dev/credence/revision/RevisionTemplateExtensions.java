package dev.credence.revision;

import dev.credence.document.Document;
import dev.credence.project.ProjectAccess;
import dev.credence.project.ProjectRole;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** Template helpers for corrected texts on the document page. */
@TemplateExtension
public class RevisionTemplateExtensions {
    private RevisionTemplateExtensions() {
    }

    /** The caller manages the document's project, so may correct its text. */
    static boolean correctable(Document d) {
        ProjectAccess access = Arc.container().instance(ProjectAccess.class).get();
        return access.membership(d.project).map(m -> m.role == ProjectRole.manager).orElse(false);
    }
}
