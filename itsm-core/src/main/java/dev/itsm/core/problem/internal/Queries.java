package dev.itsm.core.problem.internal;

import dev.itsm.core.internal.Arguments;
import dev.itsm.core.problem.KnownError;
import dev.itsm.core.problem.KnownErrorQuery;
import dev.itsm.core.problem.Problem;
import dev.itsm.core.problem.ProblemQuery;
import dev.itsm.core.problem.ProblemState;
import dev.itsm.core.spi.KnownErrorCriteria;
import dev.itsm.core.spi.ProblemCriteria;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** The fluent queries of problem management. */
final class Queries {

  private Queries() {}

  /** Collects problem criteria. */
  static final class Problems implements ProblemQuery {
    private final Function<ProblemCriteria, List<Problem>> lister;
    private final ToLongFunction<ProblemCriteria> counter;
    private final String tenant;
    private final String owner;
    private Set<ProblemState> states = Set.of();
    private String manager;
    private String incident;
    private String change;
    private String category;
    private String service;
    private String ci;
    private Boolean proactive;
    private int pageIndex;
    private int pageSize = 50;

    Problems(String tenant, String owner, Function<ProblemCriteria, List<Problem>> lister,
        ToLongFunction<ProblemCriteria> counter) {
      this.tenant = tenant;
      this.owner = owner;
      this.lister = lister;
      this.counter = counter;
    }

    @Override
    public ProblemQuery state(ProblemState... v) {
      states = Arguments.members("state", v);
      return this;
    }

    @Override public ProblemQuery problemManager(String v) { manager = v; return this; }
    @Override public ProblemQuery linkedIncident(String v) { incident = v; return this; }
    @Override public ProblemQuery fixChange(String v) { change = v; return this; }
    @Override public ProblemQuery category(String v) { category = v; return this; }
    @Override public ProblemQuery service(String v) { service = v; return this; }
    @Override public ProblemQuery configurationItem(String v) { ci = v; return this; }
    @Override public ProblemQuery proactive(boolean v) { proactive = v; return this; }

    @Override
    public ProblemQuery page(int index, int size) {
      pageIndex = index;
      pageSize = size;
      return this;
    }

    private ProblemCriteria criteria() {
      long offset = (long) pageIndex * pageSize;
      return new ProblemCriteria(states, manager, incident, change, category, service, ci,
          proactive, offset > Integer.MAX_VALUE ? -1 : (int) offset, pageSize, tenant, owner);
    }

    @Override public List<Problem> list() { return lister.apply(criteria()); }
    @Override public long count() { return counter.applyAsLong(criteria()); }
  }

  /** Collects known error criteria. */
  static final class KnownErrors implements KnownErrorQuery {
    private final Function<KnownErrorCriteria, List<KnownError>> lister;
    private final String tenant;
    private String text;
    private String service;
    private String ci;
    private String category;
    private int limit = 50;

    KnownErrors(String tenant, Function<KnownErrorCriteria, List<KnownError>> lister) {
      this.tenant = tenant;
      this.lister = lister;
    }

    @Override public KnownErrorQuery text(String v) { text = v; return this; }
    @Override public KnownErrorQuery service(String v) { service = v; return this; }
    @Override public KnownErrorQuery configurationItem(String v) { ci = v; return this; }
    @Override public KnownErrorQuery category(String v) { category = v; return this; }
    @Override public KnownErrorQuery limit(int v) { limit = v; return this; }

    @Override
    public List<KnownError> list() {
      return lister.apply(new KnownErrorCriteria(text, service, ci, category, limit,
          tenant));
    }
  }
}
