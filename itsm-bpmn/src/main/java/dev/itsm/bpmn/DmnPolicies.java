package dev.itsm.bpmn;

import dev.itsm.core.ContractViolationException;
import dev.itsm.core.ContractViolationException.Problem;
import dev.itsm.core.ItsmConfigurationException;
import dev.itsm.core.incident.Impact;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.incident.Urgency;
import dev.itsm.core.policy.AssignmentRule;
import dev.itsm.core.policy.PriorityMatrix;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;

/**
 * Policies as DMN decision tables: the library ships its incident priority matrix
 * ({@code itsm/policies/incident-priority.dmn}, the default) and an example assignment routing
 * ({@code itsm/policies/incident-assignment.dmn}); a host replaces either with its own file, edited
 * in Camunda Modeler. A replacement is checked when loaded for the decision, inputs and outputs it
 * must have, and the priority table for a result in every impact × urgency combination; problems
 * are reported all at once in a {@link ContractViolationException}.
 *
 * <pre>{@code
 * ItsmEngine.builder()
 *     .priorityMatrix(DmnPolicies.priorityMatrix(Path.of("policies/priority.dmn")))
 *     .assignmentRule(DmnPolicies.assignmentRule(Path.of("policies/routing.dmn")))
 * }</pre>
 */
public final class DmnPolicies {

  /** Decision id of the priority matrix. */
  public static final String PRIORITY_DECISION = "itsm-incident-priority";
  /** Decision id of the assignment rule. */
  public static final String ASSIGNMENT_DECISION = "itsm-incident-assignment";
  static final String SHIPPED_PRIORITY = "itsm/policies/incident-priority.dmn";
  static final String SHIPPED_ASSIGNMENT = "itsm/policies/incident-assignment.dmn";

  private static final DmnEngine DMN =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private DmnPolicies() {}

  /** @return the shipped priority matrix (ITIL impact × urgency), the engine's default */
  public static PriorityMatrix priorityMatrix() {
    return priorityMatrix(SHIPPED_PRIORITY, shipped(SHIPPED_PRIORITY));
  }

  /**
   * @param dmnFile a DMN file with the decision {@value #PRIORITY_DECISION}: inputs
   *     {@code impact} and {@code urgency} (integers 1 high .. 3 low), output {@code priority}
   *     ({@code "P1"} .. {@code "P5"})
   * @return the matrix
   * @throws ContractViolationException when the table lacks an input, the output, or a result
   */
  public static PriorityMatrix priorityMatrix(Path dmnFile) {
    return priorityMatrix(dmnFile.toString(), read(dmnFile));
  }

  /** @return the shipped example routing by category (network, email, hardware, database) */
  public static AssignmentRule assignmentRule() {
    return assignmentRule(SHIPPED_ASSIGNMENT, shipped(SHIPPED_ASSIGNMENT));
  }

  /**
   * @param dmnFile a DMN file with the decision {@value #ASSIGNMENT_DECISION}: inputs
   *     {@code category} and {@code subcategory} (strings, may be null), output {@code group};
   *     no matching rule leaves the incident to the fallback group
   * @return the rule
   * @throws ContractViolationException when the table lacks an input or the output
   */
  public static AssignmentRule assignmentRule(Path dmnFile) {
    return assignmentRule(dmnFile.toString(), read(dmnFile));
  }

  private static PriorityMatrix priorityMatrix(String source, byte[] bytes) {
    List<Problem> problems = new ArrayList<>();
    DmnDecision decision = load(source, bytes, PRIORITY_DECISION, Set.of("impact", "urgency"),
        "priority", problems);
    Map<Impact, Map<Urgency, Priority>> table = new EnumMap<>(Impact.class);
    if (decision != null) {
      for (Impact i : Impact.values()) {
        for (Urgency u : Urgency.values()) {
          try {
            Object out = evaluate(decision, Map.of("impact", i.level(), "urgency", u.level()))
                .map(e -> e.getEntry("priority")).orElse(null);
            Priority p = Priority.valueOf(String.valueOf(out));
            table.computeIfAbsent(i, k -> new EnumMap<>(Urgency.class)).put(u, p);
          } catch (RuntimeException e) {
            problems.add(new Problem(source, PRIORITY_DECISION, "impact " + i.level()
                + " and urgency " + u.level() + " give no valid priority (" + message(e) + ").",
                "Add exactly one rule for this combination whose output is \"P1\" .. \"P5\"."));
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ContractViolationException(source, problems);
    }
    return (impact, urgency) -> table.get(impact).get(urgency);
  }

  private static AssignmentRule assignmentRule(String source, byte[] bytes) {
    List<Problem> problems = new ArrayList<>();
    DmnDecision decision = load(source, bytes, ASSIGNMENT_DECISION,
        Set.of("category", "subcategory"), "group", problems);
    if (decision != null) {
      try {
        evaluate(decision, nullable("category", null, "subcategory", null));
      } catch (RuntimeException e) {
        problems.add(new Problem(source, ASSIGNMENT_DECISION, "The table fails for an incident"
            + " without category: " + message(e), "Make every rule accept empty inputs or use"
            + " the hit policy FIRST."));
      }
    }
    if (!problems.isEmpty()) {
      throw new ContractViolationException(source, problems);
    }
    return (category, subcategory) -> evaluate(decision,
        nullable("category", category, "subcategory", subcategory))
        .map(e -> (Object) e.getEntry("group")).map(String::valueOf)
        .filter(g -> !g.isBlank());
  }

  private static Map<String, Object> nullable(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new java.util.HashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static Optional<DmnDecisionResultEntries> evaluate(DmnDecision decision,
      Map<String, Object> vars) {
    var result = DMN.evaluateDecision(decision, Variables.fromMap(vars));
    if (result.size() > 1 && decision.getDecisionLogic() != null) {
      throw new IllegalStateException(result.size() + " rules match");
    }
    return result.isEmpty() ? Optional.empty() : Optional.of(result.get(0));
  }

  private static DmnDecision load(String source, byte[] bytes, String decisionId,
      Set<String> inputs, String output, List<Problem> problems) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      problems.add(new Problem(source, null, "Not a valid DMN 1.3 document: " + message(e),
          "Open it in Camunda Modeler and save it again."));
      return null;
    }
    Decision decision = model.getModelElementById(decisionId);
    if (decision == null) {
      problems.add(new Problem(source, null, "There is no decision with the id " + decisionId
          + " (found: " + model.getModelElementsByType(Decision.class).stream()
              .map(Decision::getId).collect(Collectors.toList()) + ").",
          "Set the decision's id to " + decisionId + "."));
      return null;
    }
    List<DecisionTable> tables = new ArrayList<>(
        decision.getChildElementsByType(DecisionTable.class));
    if (tables.isEmpty()) {
      problems.add(new Problem(source, decisionId, "The decision is not a decision table.",
          "Use a decision table."));
      return null;
    }
    Set<String> found = tables.get(0).getInputs().stream()
        .map(Input::getInputExpression).filter(java.util.Objects::nonNull)
        .map(x -> x.getText() == null ? "" : x.getText().getTextContent().strip())
        .collect(Collectors.toSet());
    for (String in : inputs) {
      if (!found.contains(in)) {
        problems.add(new Problem(source, decisionId, "The table has no input with the"
            + " expression '" + in + "' (inputs: " + found + ").", "Add an input whose"
            + " expression is " + in + "."));
      }
    }
    boolean hasOutput = tables.get(0).getOutputs().stream()
        .map(Output::getName).anyMatch(output::equals);
    if (!hasOutput) {
      problems.add(new Problem(source, decisionId, "The table has no output named '" + output
          + "'.", "Name the output column " + output + "."));
    }
    if (!problems.isEmpty()) {
      return null;
    }
    try {
      return DMN.parseDecision(decisionId, new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      problems.add(new Problem(source, decisionId, "The decision does not parse: " + message(e),
          "Check the rules' expressions in Camunda Modeler."));
      return null;
    }
  }

  private static byte[] shipped(String resource) {
    try (InputStream in = DmnPolicies.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ItsmConfigurationException(resource + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ItsmConfigurationException("Cannot read " + resource, e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ItsmConfigurationException("Cannot read the DMN file " + file + ": "
          + e.getMessage(), e);
    }
  }

  private static String message(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
