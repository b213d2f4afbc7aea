package dev.itsm.core.sla;

import static dev.itsm.core.sla.SlaFixture.OFFICE;
import static dev.itsm.core.sla.SlaFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.ItsmEvent;
import dev.itsm.core.calendar.BusinessCalendar;
import dev.itsm.core.incident.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Thresholds against a simple model: the business time a clock has counted is the calendar time
 * of its running stretches; after every {@code thresholdDue} of a running clock exactly the
 * thresholds reached so far have fired, each once and in ascending order, and the returned
 * instant is when the next one is reached if the clock keeps running.
 */
class ThresholdFiringPropertiesTest {

  /** One step: move the clock, then optionally pause (or resume) the clock. */
  record Step(Duration advance, boolean toggle) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(
            Arbitraries.integers().between(1, 6 * 60).map(m -> Duration.ofMinutes(m)),
            Arbitraries.integers().between(0, 4).map(k -> k == 0))
        .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(25);
  }

  @Provide
  Arbitrary<Set<Integer>> warnings() {
    return Arbitraries.integers().between(1, 99).set().ofMaxSize(4);
  }

  @Property(tries = 300)
  void thresholdsFireOnceInOrderExactlyWhenReached(
      @ForAll @IntRange(min = 1, max = 40 * 60) int targetMinutes,
      @ForAll("warnings") Set<Integer> warnings,
      @ForAll("steps") List<Step> steps,
      @ForAll boolean office,
      @ForAll @IntRange(min = 0, max = 7 * 24 * 60) int startOffsetMinutes) {
    Duration target = Duration.ofMinutes(targetMinutes);
    ServiceLevels levels = ServiceLevels.builder().calendars(OFFICE)
        .target(SlaFixture.resolution(Priority.P2, target)
            .warnings(warnings.stream().mapToInt(Integer::intValue).toArray())
            .calendar(office ? "office" : "24x7").build())
        .build();
    BusinessCalendar calendar = levels.calendar(office ? "office" : "24x7");
    SlaFixture f = SlaFixture.of(levels);
    f.clock.set(T0.plus(Duration.ofMinutes(startOffsetMinutes)));
    SlaClock c = f.start("INC0000001", TargetKind.RESOLUTION, Priority.P2);
    TreeSet<Integer> thresholds = new TreeSet<>(warnings);
    thresholds.add(100);

    boolean running = true;
    Instant runningSince = f.clock.instant();
    Duration banked = Duration.ZERO;
    for (Step step : steps) {
      Instant now = f.advance(step.advance());
      if (step.toggle() && running) {
        f.sla.pause(c.recordNumber(), "hold", TargetKind.RESOLUTION);
        banked = banked.plus(calendar.between(runningSince, now));
        running = false;
      } else if (step.toggle()) {
        f.sla.resume(c.recordNumber(), "resumed", TargetKind.RESOLUTION);
        runningSince = now;
        running = true;
      }
      int before = f.received.size();

      Instant next = f.sla.thresholdDue(c.id());

      Duration elapsed = running ? banked.plus(calendar.between(runningSince, now)) : banked;
      assertThat(f.status(c.id()).elapsed()).isEqualTo(elapsed);
      List<Integer> reached = thresholds.stream()
          .filter(p -> target.multipliedBy(p).dividedBy(100).compareTo(elapsed) <= 0).toList();
      List<Integer> fired = percents(f.received);
      assertThat(fired).as("each threshold once, in order").isSorted().doesNotHaveDuplicates();
      if (running) {
        assertThat(fired).as("exactly the thresholds reached").isEqualTo(reached);
        Integer pending = thresholds.stream().filter(p -> !reached.contains(p)).findFirst()
            .orElse(null);
        assertThat(next).isEqualTo(pending == null ? null
            : calendar.add(now, target.multipliedBy(pending).dividedBy(100).minus(elapsed)));
      } else {
        assertThat(reached).containsAll(fired);
        assertThat(f.received).hasSize(before);
        assertThat(next).isNull();
      }
      assertThat(f.clock(c.id()).state()).isEqualTo(fired.contains(100)
          ? SlaClockState.BREACHED : running ? SlaClockState.RUNNING : SlaClockState.PAUSED);
    }
  }

  private static List<Integer> percents(List<ItsmEvent> events) {
    List<Integer> out = new ArrayList<>();
    for (ItsmEvent e : events) {
      if (e instanceof ServiceLevelEvent.Warning w) {
        out.add(w.percent());
      } else if (e instanceof ServiceLevelEvent.Breached) {
        out.add(100);
      }
    }
    return out;
  }
}
