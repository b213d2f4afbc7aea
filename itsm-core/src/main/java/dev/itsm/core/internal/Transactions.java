package dev.itsm.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a unit of work in one transaction. Internal: no compatibility guarantees.
 *
 * <p>The engine module implements it with a process-engine command so that ITSM records and
 * process state commit together; {@link #local()} is a single-threaded stand-in for the in-memory
 * store in unit tests (no rollback).
 */
public interface Transactions {

  /**
   * Runs {@code work} in the current transaction, or in a new one if there is none.
   *
   * @param work the work
   * @param <T> its result type
   * @return its result
   */
  <T> T required(Supplier<T> work);

  /**
   * Runs {@code action} once the current transaction has committed; never if it rolls back.
   *
   * @param action the action
   */
  void afterCommit(Runnable action);

  /** @return transactions without a database: after-commit actions run when the outermost work returns normally */
  static Transactions local() {
    return new Transactions() {
      private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();

      @Override
      public <T> T required(Supplier<T> work) {
        if (pending.get() != null) {
          return work.get();
        }
        List<Runnable> actions = new ArrayList<>();
        pending.set(actions);
        T result;
        try {
          result = work.get();
        } finally {
          pending.remove();
        }
        actions.forEach(Runnable::run);
        return result;
      }

      @Override
      public void afterCommit(Runnable action) {
        List<Runnable> actions = pending.get();
        if (actions == null) {
          throw new IllegalStateException("afterCommit called outside a transaction");
        }
        actions.add(action);
      }
    };
  }
}
