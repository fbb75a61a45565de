package dev.credence.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells "the database cannot be reached" apart from every other error, by the cause chain:
 * the JDBC connection exception classes, SQLState class 08 (connection exception) and 57P0x
 * (PostgreSQL shutting down, crashed, or not accepting connections yet), Hibernate's
 * JDBCConnectionException, and the connection pool's acquisition timeout.
 */
public final class ConnectionFailures {
    private ConnectionFailures() {
    }

    public static boolean isConnectionFailure(Throwable error) {
        return find(error) != null;
    }

    /** Every pooled connection stayed busy past the acquisition timeout (the database itself answers). */
    public static boolean isPoolBusy(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null && t.getMessage().startsWith("Sorry, acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message that says what went wrong with the connection, for logs and the 503 page. */
    public static String describe(Throwable error) {
        Throwable found = find(error);
        Throwable t = found == null ? error : found;
        Throwable innermost = t;
        for (Throwable c = t; c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null) {
                innermost = c;
            }
        }
        String message = innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    /**
     * The SQLState of a data exception (class 22: a NUL character PostgreSQL cannot store, a value
     * too long for its column, a number out of range), or null. Input validation should refuse such
     * values first; this is the safety net that turns the database's refusal into a 422, not a 500.
     */
    public static String dataExceptionState(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static Throwable find(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (matches(t)) {
                return t;
            }
            for (Throwable s : t.getSuppressed()) {
                if (matches(s)) {
                    return s;
                }
            }
        }
        return null;
    }

    private static boolean matches(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException || t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                return true;
            }
            String message = sql.getMessage();
            // Agroal, no SQLState: "Acquisition timeout while waiting for new connection" when the
            // database does not answer, "Sorry, acquisition timeout!" when every pooled connection is busy
            return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
        }
        return false;
    }
}
