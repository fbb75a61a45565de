package dev.credence.account;

import dev.credence.web.ConflictException;
import dev.credence.web.UnprocessableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.regex.Pattern;

@ApplicationScoped
public class UserService {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");
    public static final int MIN_PASSWORD = 10;

    /** Creates a user with global role {@code user}. 422 on invalid fields, 409 if the username is taken. */
    @Transactional
    public User create(String username, String password, String displayName) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new UnprocessableException("username: 2–64 letters, digits, '.', '_' or '-'");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new UnprocessableException("password: at least " + MIN_PASSWORD + " characters");
        }
        if (User.findByUsername(username).isPresent()) {
            throw new ConflictException("username '" + username + "' is taken");
        }
        User u = new User();
        u.username = username;
        u.displayName = displayName == null || displayName.isBlank() ? username : displayName.trim();
        if (u.displayName.length() > 200) {
            throw new UnprocessableException("displayName: at most 200 characters");
        }
        u.role = User.USER;
        u.createdAt = Instant.now();
        u.setPassword(password);
        u.persist();
        return u;
    }
}
