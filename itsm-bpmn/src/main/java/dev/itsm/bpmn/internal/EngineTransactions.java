package dev.itsm.bpmn.internal;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.ItsmException;
import dev.itsm.core.internal.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs ITSM work as one process-engine command, so the ITSM records and the process state commit
 * together or not at all. Work started inside an engine command (a timer job calling back into the
 * library) joins that command.
 *
 * <p>After-commit actions of an API call run on the caller's thread once the command has
 * committed; those of a job run on a small event thread after the job's commit.
 */
public final class EngineTransactions implements Transactions, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EngineTransactions.class);

  private final CommandExecutor executor;
  private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();
  private final ExecutorService jobEvents = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "itsm-events");
    t.setDaemon(true);
    return t;
  });

  /** @param executor the engine's transaction-required command executor */
  public EngineTransactions(CommandExecutor executor) {
    this.executor = executor;
  }

  @Override
  public <T> T required(Supplier<T> work) {
    if (Context.getCommandContext() != null) {
      return work.get();
    }
    List<Runnable> actions = new ArrayList<>();
    pending.set(actions);
    T result;
    try {
      result = executor.execute(context -> work.get());
    } catch (OptimisticLockingException e) {
      throw new ConcurrentModificationException("The process changed concurrently ("
          + e.getMessage() + ")", e);
    } catch (RuntimeException e) {
      throw unwrap(e);
    } finally {
      pending.remove();
    }
    actions.forEach(Runnable::run);
    return result;
  }

  @Override
  public void afterCommit(Runnable action) {
    List<Runnable> actions = pending.get();
    if (actions != null) {
      actions.add(action);
      return;
    }
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      throw new IllegalStateException("afterCommit outside a transaction");
    }
    context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
        ctx -> jobEvents.execute(action));
  }

  /** Surfaces an ITSM exception that the engine wrapped, e.g. one thrown by a delegate. */
  private static RuntimeException unwrap(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ItsmException itsm) {
        return itsm;
      }
      if (t instanceof OptimisticLockingException ole) {
        return new ConcurrentModificationException("The process changed concurrently ("
            + ole.getMessage() + ")", ole);
      }
      if (t instanceof java.sql.SQLException sql && ("40001".equals(sql.getSQLState())
          || "40P01".equals(sql.getSQLState()))) {
        return new ConcurrentModificationException("The database chose this call as the victim"
            + " of a conflict with a concurrent one (" + sql.getMessage() + ")", sql);
      }
    }
    return e;
  }

  @Override
  public void close() {
    jobEvents.shutdown();
    try {
      if (!jobEvents.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("after-commit listeners still running at shutdown");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
