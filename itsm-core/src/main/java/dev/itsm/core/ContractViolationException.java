package dev.itsm.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A diagram (or another adaptation) does not meet the contract the library relies on. Lists every
 * problem at once: where, what is wrong, and how to fix it. Nothing was deployed.
 */
public final class ContractViolationException extends ItsmException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * @param subject what was checked, e.g. {@code custom/incident.bpmn}
   * @param problems every problem found (not empty)
   */
  public ContractViolationException(String subject, List<Problem> problems) {
    super("ITSM-CONTRACT", subject + " is refused (" + problems.size() + " problem"
        + (problems.size() == 1 ? "" : "s") + "):\n" + problems.stream()
            .map(p -> "  - " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** @return every problem, in document order */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * One problem of a diagram.
   *
   * @param source the file or resource
   * @param elementId the element concerned, or {@code null} for the whole document
   * @param message what is wrong
   * @param fix how to fix it
   */
  public record Problem(String source, String elementId, String message, String fix) {
    @Override
    public String toString() {
      return source + (elementId == null ? "" : " [" + elementId + "]") + ": " + message
          + (fix == null ? "" : " Fix: " + fix);
    }
  }
}
