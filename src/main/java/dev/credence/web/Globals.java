package dev.credence.web;

import dev.credence.account.CurrentUser;
import dev.credence.account.User;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;

/** Values every template may read: the flash message and who is logged in. */
@TemplateGlobal
public class Globals {
    static String flash() {
        return Flash.current();
    }

    static User me() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        CurrentUser cu = Arc.container().instance(CurrentUser.class).get();
        return cu.isLoggedIn() ? cu.get() : null;
    }
}
