package dev.credence.web;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * Test-only route: writes a row whose parent does not exist, as a save racing a delete does (the database refuses it
 * with a foreign-key violation). Lives in src/test, so the application never has it.
 */
@Path("/api/v1/test-only/dangling-reference")
public class DanglingReferenceApi {
    @Inject
    EntityManager em;

    @POST
    @Transactional
    public String write() {
        em.createNativeQuery("insert into layer (document_id, owner_id, kind, state, updated_at, version)"
                + " values (-42, null, 'gold', 'in_progress', current_timestamp, 0)").executeUpdate();
        return "stored";
    }
}
