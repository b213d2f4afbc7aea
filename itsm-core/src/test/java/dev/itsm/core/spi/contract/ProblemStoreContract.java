package dev.itsm.core.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.itsm.core.ConcurrentModificationException;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.incident.TimelineEntry;
import dev.itsm.core.major.MajorIncident;
import dev.itsm.core.problem.KnownError;
import dev.itsm.core.problem.Problem;
import dev.itsm.core.problem.ProblemState;
import dev.itsm.core.spi.KnownErrorCriteria;
import dev.itsm.core.spi.MajorIncidentStore;
import dev.itsm.core.spi.ProblemCriteria;
import dev.itsm.core.spi.ProblemStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProblemStore} and {@link MajorIncidentStore} must do: round trips, optimistic
 * locking, the queries problem management uses, the known error search, children of major
 * incidents. Extend it for your own stores as described on {@link IncidentStoreContract}.
 */
public abstract class ProblemStoreContract {

  /** The time the test data starts at. */
  protected static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private ProblemStore problems;
  private MajorIncidentStore majors;

  /** @return the problem store under test, empty */
  protected abstract ProblemStore createProblemStore();

  /** @return the major incident store under test, empty */
  protected abstract MajorIncidentStore createMajorIncidentStore();

  /**
   * @param work calls the store in one transaction
   * @param <T> its result type
   * @return its result
   */
  protected abstract <T> T inTransaction(Supplier<T> work);

  @BeforeEach
  final void createTheStoresUnderTest() {
    problems = createProblemStore();
    majors = createMajorIncidentStore();
  }

  private void run(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }

  /** @param n sequence number @return a fully populated problem */
  protected static Problem full(int n) {
    return Problem.builder().number(String.format("PRB%07d", n)).version(1)
        .state(ProblemState.FIX_IN_PROGRESS).title("VPN drops " + n).description("d")
        .category("network").service("vpn").configurationItem("vpn-gw-1")
        .priority(Priority.P2).problemManager("pat").proactive(true).workaround("w")
        .rootCause("r").fixChange("CHG0000001").incidents(List.of("INC0000001", "INC0000002"))
        .knownError("KE0000001").resolutionNotes("n").createdBy("system").createdAt(T0)
        .assessedAt(T0.plusSeconds(1)).analysisStartedAt(T0.plusSeconds(2))
        .rootCauseAt(T0.plusSeconds(3)).build();
  }

  @Test
  void storesUpdatesAndChecksVersions() {
    Problem p = full(1);
    run(() -> problems.insert(p));
    assertThat(inTransaction(() -> problems.find(p.number()))).contains(p);
    Problem v2 = p.toBuilder().version(2).state(ProblemState.RESOLVED)
        .incidents(List.of("INC0000003")).resolvedAt(T0.plusSeconds(9)).proactive(false).build();
    run(() -> problems.update(v2));
    assertThat(inTransaction(() -> problems.find(p.number()))).contains(v2);
    assertThrows(ConcurrentModificationException.class, () -> run(() -> problems.update(v2)));
    Problem bare = Problem.builder().number("PRB0000009").version(1).state(ProblemState.NEW)
        .title("t").priority(Priority.P5).createdBy("u").createdAt(T0).build();
    run(() -> problems.insert(bare));
    assertThat(inTransaction(() -> problems.find(bare.number()))).contains(bare);
    assertThat(inTransaction(() -> problems.find("PRB0000099"))).isEmpty();
    assertThat(inTransaction(() -> problems.nextSequence("default")))
        .isLessThan(inTransaction(() -> problems.nextSequence("default")));
  }

  @Test
  void queriesByEveryCriterion() {
    Problem a = full(1);
    Problem b = full(2).toBuilder().state(ProblemState.NEW).problemManager("sam")
        .configurationItem("core-sw").category("core").service("lan").proactive(false)
        .fixChange(null).incidents(List.of("INC0000009")).build();
    run(() -> {
      problems.insert(a);
      problems.insert(b);
    });
    assertThat(numbers(new ProblemCriteria(Set.of(ProblemState.NEW), null, null, null, null,
        null, null, null, 0, 10, null, null))).containsExactly(b.number());
    assertThat(numbers(new ProblemCriteria(Set.of(), "pat", null, null, null, null, null, null,
        0, 10, null, null))).containsExactly(a.number());
    assertThat(numbers(new ProblemCriteria(Set.of(), null, "INC0000002", null, null, null, null,
        null, 0, 10, null, null))).containsExactly(a.number());
    assertThat(numbers(new ProblemCriteria(Set.of(), null, null, "CHG0000001", null, null, null,
        null, 0, 10, null, null))).containsExactly(a.number());
    assertThat(numbers(new ProblemCriteria(Set.of(), null, null, null, "core", "lan", "core-sw",
        false, 0, 10, null, null))).containsExactly(b.number());
    assertThat(numbers(new ProblemCriteria(Set.of(), null, null, null, null, null, null, true,
        0, 10, null, null))).containsExactly(a.number());
    assertThat(numbers(new ProblemCriteria(Set.of(), null, null, null, null, null, null, null,
        0, 10, null, null))).containsExactly(b.number(), a.number());
    assertThat(numbers(new ProblemCriteria(Set.of(), null, null, null, null, null, null, null,
        1, 10, null, null))).containsExactly(a.number());
    assertThat(inTransaction(() -> problems.count(new ProblemCriteria(Set.of(), null, null, null,
        "network", null, null, null, 0, 1, null, null)))).isEqualTo(1);
  }

  private List<String> numbers(ProblemCriteria c) {
    return inTransaction(() -> problems.query(c)).stream().map(Problem::number).toList();
  }

  @Test
  void keepsTheTimelineAndSearchesKnownErrors() {
    Problem p = full(1);
    KnownError vpn = new KnownError("KE0000001", p.number(), "VPN drops", "Expired certificate",
        "Use the backup profile", "network", "vpn", "vpn-gw-1", "pat", T0);
    KnownError mail = new KnownError("KE0000002", p.number(), "Mail 100% CPU", "Spam filter_loop",
        "Restart the filter", "email", "mail", null, "pat", T0.plusSeconds(1));
    run(() -> {
      problems.insert(p);
      problems.appendTimeline(p.number(), new TimelineEntry(T0, "pat",
          TimelineEntry.Kind.STATE_CHANGE, "Logged"));
      problems.insertKnownError(vpn);
      problems.insertKnownError(mail);
    });
    assertThat(inTransaction(() -> problems.timeline(p.number())))
        .extracting(TimelineEntry::text).containsExactly("Logged");
    assertThat(search(null, null, null, null)).containsExactly(mail, vpn);
    assertThat(search("CERTIFICATE", null, null, null)).containsExactly(vpn);
    assertThat(search("backup", "vpn", "vpn-gw-1", "network")).containsExactly(vpn);
    assertThat(search("100%", null, null, null)).containsExactly(mail);
    assertThat(search("filter_", null, null, null)).containsExactly(mail);
    assertThat(search("%", "vpn", null, null)).isEmpty();
    assertThat(search(null, null, null, "email")).containsExactly(mail);
    assertThat(inTransaction(() -> problems.nextKnownErrorSequence("default")))
        .isLessThan(inTransaction(() -> problems.nextKnownErrorSequence("default")));
  }

  private List<KnownError> search(String text, String service, String ci, String category) {
    return inTransaction(() -> problems.knownErrors(new KnownErrorCriteria(text, service, ci,
        category, 10, null)));
  }

  @Test
  void majorIncidentsKeepTheirChildrenAndVersions() {
    MajorIncident m = new MajorIncident("INC0000001", 1, "mia", "dana", T0,
        Duration.ofMinutes(30), T0.plus(Duration.ofMinutes(30)), null, 0, 0, null, null, null,
        List.of());
    run(() -> majors.insert(m));
    assertThat(inTransaction(() -> majors.find("INC0000001"))).contains(m);
    run(() -> {
      majors.linkChild("INC0000001", "INC0000002", T0.plusSeconds(1));
      majors.linkChild("INC0000001", "INC0000003", T0.plusSeconds(2));
    });
    assertThat(inTransaction(() -> majors.find("INC0000001")).orElseThrow().children())
        .containsExactly("INC0000002", "INC0000003");
    assertThat(inTransaction(() -> majors.parentOf("INC0000003"))).contains("INC0000001");
    assertThat(inTransaction(() -> majors.parentOf("INC0000001"))).isEmpty();
    MajorIncident v2 = new MajorIncident("INC0000001", 2, "mia", "dana", T0,
        Duration.ofMinutes(30), null, T0.plusSeconds(5), 1, 1, "review", "mia",
        T0.plusSeconds(9), List.of("INC0000002", "INC0000003"));
    run(() -> majors.update(v2));
    assertThat(inTransaction(() -> majors.find("INC0000001"))).contains(v2);
    assertThrows(ConcurrentModificationException.class, () -> run(() -> majors.update(v2)));
    assertThat(inTransaction(() -> majors.active(null))).isEmpty();
    assertThat(inTransaction(() -> majors.find("INC0000009"))).isEmpty();
  }

  @Test
  void keepsTenantsApartAndCountsPerTenant() {
    Problem mine = full(1).toBuilder().number("ACME-PRB0000001").tenant("acme").build();
    Problem theirs = full(2).toBuilder().number("GLOBEX-PRB0000001").tenant("globex").build();
    Problem home = full(3);
    KnownError acmeKe = new KnownError("ACME-KE0000001", mine.number(), "VPN drops", "r", "w",
        "network", "vpn", "vpn-gw-1", "pat", T0, "acme");
    KnownError globexKe = new KnownError("GLOBEX-KE0000001", theirs.number(), "VPN drops", "r",
        "w", "network", "vpn", "vpn-gw-1", "pat", T0.plusSeconds(1), "globex");
    run(() -> {
      problems.insert(mine);
      problems.insert(theirs);
      problems.insert(home);
      problems.insertKnownError(acmeKe);
      problems.insertKnownError(globexKe);
    });
    assertThat(inTransaction(() -> problems.find(mine.number()))).contains(mine);
    assertThat(inTransaction(() -> problems.find(mine.number())).orElseThrow().tenant())
        .isEqualTo("acme");
    assertThat(inTransaction(() -> problems.find(home.number())).orElseThrow().tenant())
        .isEqualTo("default");
    // the same query, one tenant each
    assertThat(numbers(tenant("acme", null))).containsExactly(mine.number());
    assertThat(numbers(tenant("globex", null))).containsExactly(theirs.number());
    assertThat(numbers(tenant("default", null))).containsExactly(home.number());
    assertThat(numbers(tenant(null, null))).hasSize(3);
    assertThat(inTransaction(() -> problems.count(tenant("acme", null)))).isEqualTo(1);
    // problems have no owner: an owner-restricted query matches none
    assertThat(numbers(tenant("acme", "pat"))).isEmpty();
    assertThat(inTransaction(() -> problems.count(tenant("acme", "pat")))).isZero();
    assertThat(inTransaction(() -> problems.knownErrors(new KnownErrorCriteria(null, "vpn",
        null, null, 10, "acme")))).containsExactly(acmeKe);
    assertThat(inTransaction(() -> problems.knownErrors(new KnownErrorCriteria(null, "vpn",
        null, null, 10, "globex")))).containsExactly(globexKe);
    assertThat(inTransaction(() -> problems.knownErrors(new KnownErrorCriteria(null, "vpn",
        null, null, 10, "default")))).isEmpty();
    assertThat(inTransaction(() -> problems.knownErrors(new KnownErrorCriteria(null, "vpn",
        null, null, 10, null)))).containsExactly(globexKe, acmeKe);
    // each tenant counts on its own
    long acme1 = inTransaction(() -> problems.nextSequence("acme"));
    long acme2 = inTransaction(() -> problems.nextSequence("acme"));
    long globex1 = inTransaction(() -> problems.nextSequence("globex"));
    assertThat(acme2).isGreaterThan(acme1);
    assertThat(globex1).isEqualTo(acme1);
    long keAcme = inTransaction(() -> problems.nextKnownErrorSequence("acme"));
    assertThat(inTransaction(() -> problems.nextKnownErrorSequence("globex"))).isEqualTo(keAcme);

    MajorIncident acmeMajor = new MajorIncident("ACME-INC0000001", 1, "mia", "dana", T0,
        Duration.ofMinutes(30), T0.plus(Duration.ofMinutes(30)), null, 0, 0, null, null, null,
        List.of(), "acme");
    MajorIncident globexMajor = new MajorIncident("GLOBEX-INC0000001", 1, "mia", "dana",
        T0.plusSeconds(1), Duration.ofMinutes(30), T0.plus(Duration.ofMinutes(30)), null, 0, 0,
        null, null, null, List.of(), "globex");
    run(() -> {
      majors.insert(acmeMajor);
      majors.insert(globexMajor);
    });
    assertThat(inTransaction(() -> majors.find(acmeMajor.incidentNumber()))).contains(acmeMajor);
    assertThat(inTransaction(() -> majors.active("acme"))).containsExactly(acmeMajor);
    assertThat(inTransaction(() -> majors.active("globex"))).containsExactly(globexMajor);
    assertThat(inTransaction(() -> majors.active("default"))).isEmpty();
    assertThat(inTransaction(() -> majors.active(null))).containsExactly(globexMajor, acmeMajor);
  }

  private static ProblemCriteria tenant(String tenant, String owner) {
    return new ProblemCriteria(Set.of(), null, null, null, null, null, null, null, 0, 10, tenant,
        owner);
  }
}
