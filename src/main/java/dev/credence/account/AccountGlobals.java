package dev.credence.account;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.runtime.BlockingOperationControl;

/** The template global {@code me}: who is logged in. Here rather than in web.Globals, so web does not import account. */
@TemplateGlobal
public class AccountGlobals {
    /**
     * The logged-in user, or null. Null also on an IO thread: an error page for an unknown address is
     * rendered there (no resource method, so no worker thread), and looking the user up would block it.
     */
    static User me() {
        if (!Arc.container().requestContext().isActive() || !BlockingOperationControl.isBlockingAllowed()) {
            return null;
        }
        CurrentUser cu = Arc.container().instance(CurrentUser.class).get();
        return cu.isLoggedIn() ? cu.get() : null;
    }
}
