package dev.credence.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ConnectionFailuresTest {
    @Test
    void connectionStatesAnywhereInTheCauseChainCount() {
        var refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException("Connection refused"));
        assertTrue(ConnectionFailures.isConnectionFailure(new PersistenceException("could not prepare", refused)));
        assertTrue(ConnectionFailures.isConnectionFailure(new RuntimeException(new SQLException("I/O error", "08006"))));
        assertTrue(ConnectionFailures.isConnectionFailure(new SQLException("the database system is shutting down", "57P03")));
        assertTrue(ConnectionFailures.isConnectionFailure(
                new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection"))));
        assertEquals("Connection refused", ConnectionFailures.describe(new PersistenceException("x", refused)));
    }

    @Test
    void aPoolWithEveryConnectionBusyCountsToo() {
        // What Hibernate throws when all pooled connections stay busy past the acquisition timeout
        var busy = new org.hibernate.exception.GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"));
        assertTrue(ConnectionFailures.isConnectionFailure(busy));
        assertEquals("Sorry, acquisition timeout!", ConnectionFailures.describe(busy));
        assertTrue(ConnectionFailures.isPoolBusy(busy));
        assertFalse(ConnectionFailures.isPoolBusy(new RuntimeException(
                new SQLException("Acquisition timeout while waiting for new connection"))));
    }

    @Test
    void otherDatabaseErrorsDoNot() {
        var duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertFalse(ConnectionFailures.isConnectionFailure(new PersistenceException("insert", duplicate)));
        assertFalse(ConnectionFailures.isConnectionFailure(new IllegalStateException("no")));
        assertNull(ConnectionFailures.dataExceptionState(new PersistenceException("insert", duplicate)));
    }

    @Test
    void dataExceptionsAreNamedByTheirState() {
        var nul = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        assertEquals("22021", ConnectionFailures.dataExceptionState(new PersistenceException("insert", nul)));
        assertFalse(ConnectionFailures.isConnectionFailure(nul));
    }

    @Test
    void aCauseCycleEnds() {
        var a = new RuntimeException("a");
        var b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(ConnectionFailures.isConnectionFailure(a));
    }
}
