package dev.itsm.core.spi;

/**
 * Host code that a diagram calls by name: a service task (or an element with an execution
 * listener) whose extension property {@code itsm.hook} names the hook. Register it on the engine
 * builder; a diagram naming a hook nobody registered is refused at deploy time.
 *
 * <pre>{@code
 * ItsmEngine.builder()
 *     .hookPoint("notify-vendor", ctx -> vendorDesk.open(ctx.recordNumber(), ctx.variable("vendor")))
 * }</pre>
 *
 * <p>The hook runs inside the process step's transaction: an exception fails the step (the job
 * is retried by the engine, or the API call fails) and nothing of it is stored.
 */
@FunctionalInterface
public interface HookPoint {

  /** @param context the record and the process step calling the hook */
  void call(HookContext context);
}
