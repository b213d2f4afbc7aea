package dev.itsm.bpmn.internal;

import dev.itsm.core.spi.ConnectionSource;
import java.sql.Connection;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** Hands the ITSM stores the connection of the current engine command. */
public final class CommandContextConnections implements ConnectionSource {

  @Override
  public Connection connection() {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      throw new IllegalStateException("ITSM stores are used inside an ITSM engine call only");
    }
    return context.getSession(ItsmJdbcSession.class).connection();
  }
}
