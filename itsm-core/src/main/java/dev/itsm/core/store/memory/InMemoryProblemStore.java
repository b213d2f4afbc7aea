package dev.itsm.core.store.memory;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.problem.KnownError;
import dev.itsm.core.problem.Problem;
import dev.itsm.core.spi.KnownErrorCriteria;
import dev.itsm.core.spi.ProblemCriteria;
import dev.itsm.core.spi.ProblemStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** A {@link ProblemStore} in memory, for unit tests and prototypes. Not transactional. */
public final class InMemoryProblemStore implements ProblemStore {

  private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> keSequences = new ConcurrentHashMap<>();
  private final Map<String, Problem> problems = new ConcurrentHashMap<>();
  private final Map<String, List<TimelineEntry>> timelines = new ConcurrentHashMap<>();
  private final List<KnownError> knownErrors = new CopyOnWriteArrayList<>();

  @Override
  public long nextSequence(String tenant) {
    return sequences.computeIfAbsent(tenant, t -> new AtomicLong()).incrementAndGet();
  }

  @Override
  public void insert(Problem p) {
    if (problems.putIfAbsent(p.number(), p) != null) {
      throw new IllegalStateException("problem " + p.number() + " already exists");
    }
  }

  @Override
  public void update(Problem p) {
    boolean[] updated = new boolean[1];
    problems.computeIfPresent(p.number(), (k, old) -> {
      updated[0] = old.version() == p.version() - 1;
      return updated[0] ? p : old;
    });
    if (!updated[0]) {
      throw new ConcurrentModificationException(p.number() + " was changed concurrently", null);
    }
  }

  @Override
  public Optional<Problem> find(String number) {
    return Optional.ofNullable(problems.get(number));
  }

  @Override
  public List<Problem> query(ProblemCriteria c) {
    return problems.values().stream().filter(matcher(c))
        .sorted(Comparator.comparing(Problem::number).reversed()).skip(c.offset())
        .limit(c.limit()).toList();
  }

  @Override
  public long count(ProblemCriteria c) {
    return problems.values().stream().filter(matcher(c)).count();
  }

  private static Predicate<Problem> matcher(ProblemCriteria c) {
    return p -> (c.states().isEmpty() || c.states().contains(p.state()))
        && (c.problemManager() == null || c.problemManager().equals(p.problemManager()))
        && (c.incident() == null || p.incidents().contains(c.incident()))
        && (c.fixChange() == null || c.fixChange().equals(p.fixChange()))
        && (c.category() == null || c.category().equals(p.category()))
        && (c.service() == null || c.service().equals(p.service()))
        && (c.configurationItem() == null || c.configurationItem().equals(p.configurationItem()))
        && (c.proactive() == null || c.proactive() == p.proactive())
        && (c.tenant() == null || c.tenant().equals(p.tenant()))
        // problems have no owner: an owner-restricted query matches none
        && c.owner() == null;
  }

  @Override
  public void appendTimeline(String number, TimelineEntry entry) {
    timelines.computeIfAbsent(number, k -> new CopyOnWriteArrayList<>()).add(entry);
  }

  @Override
  public List<TimelineEntry> timeline(String number) {
    return List.copyOf(timelines.getOrDefault(number, List.of()));
  }

  @Override
  public long nextKnownErrorSequence(String tenant) {
    return keSequences.computeIfAbsent(tenant, t -> new AtomicLong()).incrementAndGet();
  }

  @Override
  public void insertKnownError(KnownError k) {
    knownErrors.add(k);
  }

  @Override
  public List<KnownError> knownErrors(KnownErrorCriteria c) {
    String text = c.text() == null || c.text().isBlank() ? null
        : c.text().strip().toLowerCase(Locale.ROOT);
    List<KnownError> out = new ArrayList<>();
    for (int i = knownErrors.size() - 1; i >= 0 && out.size() < c.limit(); i--) {
      KnownError k = knownErrors.get(i);
      if ((text == null || (k.title() + "\n" + k.rootCause() + "\n" + k.workaround())
              .toLowerCase(Locale.ROOT).contains(text))
          && (c.service() == null || c.service().equals(k.service()))
          && (c.configurationItem() == null || c.configurationItem().equals(k.configurationItem()))
          && (c.category() == null || c.category().equals(k.category()))
          && (c.tenant() == null || c.tenant().equals(k.tenant()))) {
        out.add(k);
      }
    }
    return out;
  }
}
