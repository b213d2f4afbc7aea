package dev.itsm.bpmn.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the ITSM stores write plain JDBC on the engine command's own connection, and makes those
 * writes commit and roll back with the engine's.
 *
 * <p>Why this is needed: the standalone engine commits and rolls back through MyBatis, which only
 * touches the connection when MyBatis itself has written something. Plain JDBC writes made on the
 * same connection would otherwise be left uncommitted on a read-only engine command, or survive a
 * failed command (and be committed by the next user of the pooled connection). This session
 * commits the connection when the command commits (after the engine's flush, so both sides commit
 * together) and rolls it back when the command rolls back.
 */
public final class ItsmJdbcSession implements Session {

  private static final Logger LOG = LoggerFactory.getLogger(ItsmJdbcSession.class);

  private final Connection connection;

  private ItsmJdbcSession(CommandContext context) {
    this.connection = context.getDbSqlSession().getSqlSession().getConnection();
    context.getTransactionContext().addTransactionListener(TransactionState.COMMITTING, ctx -> {
      try {
        connection.commit();
      } catch (SQLException e) {
        throw new IllegalStateException("commit of the ITSM records failed: " + e.getMessage(), e);
      }
    });
    context.getTransactionContext().addTransactionListener(TransactionState.ROLLINGBACK, ctx -> {
      try {
        connection.rollback();
      } catch (SQLException e) {
        LOG.warn("rollback of the ITSM records failed", e);
      }
    });
  }

  /** @return the command's connection */
  public Connection connection() {
    return connection;
  }

  @Override
  public void flush() {
    // writes are executed immediately; commit happens in the COMMITTING listener
  }

  @Override
  public void close() {
    // the engine closes the connection
  }

  /** Opens one session per engine command, on first use. */
  public static final class Factory implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return ItsmJdbcSession.class;
    }

    @Override
    public Session openSession() {
      return new ItsmJdbcSession(org.camunda.bpm.engine.impl.context.Context.getCommandContext());
    }
  }
}
