package dev.itsm.bpmn;

import dev.itsm.core.ContractViolationException;
import dev.itsm.core.ContractViolationException.Problem;
import dev.itsm.core.ItsmConfigurationException;
import dev.itsm.core.change.ApprovalPolicy;
import dev.itsm.core.change.ChangeAuthority;
import dev.itsm.core.change.ChangeAuthorityPolicy;
import dev.itsm.core.change.ChangeRisk;
import dev.itsm.core.change.ChangeRiskPolicy;
import dev.itsm.core.change.ChangeType;
import dev.itsm.core.change.RiskFactors;
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
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;

/**
 * Policies as DMN decision tables: the library ships its incident priority matrix
 * ({@code itsm/policies/incident-priority.dmn}, the default), an example assignment routing
 * ({@code itsm/policies/incident-assignment.dmn}), the change risk model
 * ({@code itsm/policies/change-risk.dmn}) and the change authorities
 * ({@code itsm/policies/change-authority.dmn}); a host replaces any of them with its own file,
 * edited in Camunda Modeler. A replacement is checked when loaded for the decision, inputs and
 * outputs it must have, the priority table for a result in every impact × urgency combination,
 * the change risk table for a valid risk over a grid of inputs, and the change authority table for
 * exactly one valid authority in every change type × risk combination; problems are reported all
 * at once in a {@link ContractViolationException}.
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
  /** Decision id of the change risk policy. */
  public static final String RISK_DECISION = "itsm-change-risk";
  /** Decision id of the change authority policy. */
  public static final String AUTHORITY_DECISION = "itsm-change-authority";
  static final String SHIPPED_RISK = "itsm/policies/change-risk.dmn";
  static final String SHIPPED_AUTHORITY = "itsm/policies/change-authority.dmn";

  /** Grid problems of the risk table reported one by one; the rest are counted. */
  private static final int REPORTED_COMBINATIONS = 5;
  /** The rules in Camunda's message when a hit policy refuses several matches (DMN-0300x). */
  private static final Pattern MATCHED_RULE = Pattern.compile("DecisionRuleImpl\\{id='([^']*)'");
  private static final Pattern HIT_POLICY = Pattern.compile("Hit policy '([^']*)'");

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

  /**
   * @return the shipped change risk model: HIGH after repeated failures of similar changes, for a
   *     high-impact change needing an outage, for more than 20 items or an untested change whose
   *     impact is not low; MEDIUM for a high impact, more than 5 items, an outage, an untested
   *     change, one similar failure or an untested backout plan; otherwise LOW
   */
  public static ChangeRiskPolicy changeRisk() {
    // the grid check (about a second: Camunda parses each FEEL test on every evaluation) is left
    // to the tests, which load the shipped table through changeRisk(Path)
    return changeRisk(SHIPPED_RISK, shipped(SHIPPED_RISK), false);
  }

  /**
   * @param dmnFile a DMN file with the decision {@value #RISK_DECISION}: inputs {@code impact}
   *     ({@code "HIGH"}, {@code "MEDIUM"}, {@code "LOW"}), {@code affectedItems} (integer),
   *     {@code requiresOutage}, {@code tested}, {@code backoutTested} (booleans) and
   *     {@code failedSimilarChanges} (integer), output {@code risk} ({@code "LOW"},
   *     {@code "MEDIUM"} or {@code "HIGH"}); use the hit policy FIRST with a last catch-all rule
   * @return the policy; it throws {@link IllegalStateException} naming the inputs when the table
   *     gives no valid risk for them
   * @throws ContractViolationException when the table lacks an input or the output, or gives no
   *     valid risk for an input of the grid it is checked on (every impact × 0, 6 and 25 items ×
   *     every answer to the questionnaire × 0, 1 and 2 failed similar changes)
   */
  public static ChangeRiskPolicy changeRisk(Path dmnFile) {
    return changeRisk(dmnFile.toString(), read(dmnFile), true);
  }

  /**
   * @return the shipped change authorities: an emergency change goes to the {@code ecab} (one
   *     approval within 4 hours); a normal change to the {@code change-manager} (group
   *     {@code change-managers}; low risk one approval within 2 days, medium risk two within 3
   *     days) or, at high risk, to the {@code cab} (60% of its members within 5 days)
   */
  public static ChangeAuthorityPolicy changeAuthority() {
    return changeAuthority(SHIPPED_AUTHORITY, shipped(SHIPPED_AUTHORITY));
  }

  /**
   * @param dmnFile a DMN file with the decision {@value #AUTHORITY_DECISION}: inputs
   *     {@code changeType} ({@code "NORMAL"}, {@code "EMERGENCY"}) and {@code risk}
   *     ({@code "LOW"}, {@code "MEDIUM"}, {@code "HIGH"}), outputs {@code authority},
   *     {@code approverGroup}, {@code approvalPolicy} ({@code ANY}, {@code ALL},
   *     {@code QUORUM:n} or {@code QUORUM:p%}, see {@link ApprovalPolicy#parse(String)}) and
   *     {@code deadline} (a positive ISO-8601 duration such as {@code PT4H} or {@code P2D})
   * @return the policy; it throws {@link IllegalStateException} naming the inputs when the table
   *     gives no valid authority for them (e.g. for {@link ChangeType#STANDARD})
   * @throws ContractViolationException when the table lacks an input or an output, or does not
   *     give exactly one valid authority for every change type (normal, emergency) × risk
   */
  public static ChangeAuthorityPolicy changeAuthority(Path dmnFile) {
    return changeAuthority(dmnFile.toString(), read(dmnFile));
  }

  private static PriorityMatrix priorityMatrix(String source, byte[] bytes) {
    List<Problem> problems = new ArrayList<>();
    DmnDecision decision = load(source, bytes, PRIORITY_DECISION, List.of("impact", "urgency"),
        List.of("priority"), problems);
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
        List.of("category", "subcategory"), List.of("group"), problems);
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

  private static ChangeRiskPolicy changeRisk(String source, byte[] bytes, boolean checkGrid) {
    List<Problem> problems = new ArrayList<>();
    DmnDecision decision = load(source, bytes, RISK_DECISION, List.of("impact", "affectedItems",
        "requiresOutage", "tested", "backoutTested", "failedSimilarChanges"), List.of("risk"),
        problems);
    if (decision != null && checkGrid) {
      int checked = 0;
      int failed = 0;
      for (Impact impact : Impact.values()) {
        for (int items : new int[] {0, 6, 25}) {
          for (int answers = 0; answers < 8; answers++) {
            for (int failures = 0; failures <= 2; failures++) {
              RiskFactors factors = new RiskFactors(impact, items, (answers & 4) != 0,
                  (answers & 2) != 0, (answers & 1) != 0, failures);
              checked++;
              try {
                riskOf(source, decision, factors);
              } catch (UnexpectedResult e) {
                if (++failed <= REPORTED_COMBINATIONS) {
                  problems.add(new Problem(source, RISK_DECISION, e.problem, e.fix));
                }
              }
            }
          }
        }
      }
      if (failed > REPORTED_COMBINATIONS) {
        problems.add(new Problem(source, RISK_DECISION, (failed - REPORTED_COMBINATIONS)
            + " more input combinations of the " + checked + " checked give no valid risk.",
            "Add a last rule with empty (-) inputs and the output \"LOW\" under the hit policy"
            + " FIRST, so that every input has a risk."));
      }
    }
    if (!problems.isEmpty()) {
      throw new ContractViolationException(source, problems);
    }
    return factors -> riskOf(source, decision, Objects.requireNonNull(factors, "factors"));
  }

  private static ChangeRisk riskOf(String source, DmnDecision decision, RiskFactors f) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("impact", f.impact().name());
    vars.put("affectedItems", f.affectedItems());
    vars.put("requiresOutage", f.requiresOutage());
    vars.put("tested", f.tested());
    vars.put("backoutTested", f.backoutTested());
    vars.put("failedSimilarChanges", f.failedSimilarChanges());
    String fix = "Add a rule for these inputs whose output risk is \"LOW\", \"MEDIUM\" or"
        + " \"HIGH\" (under the hit policy FIRST, a last rule with empty (-) inputs catches"
        + " every input no other rule matches).";
    Object out;
    try {
      out = evaluate(decision, vars).map(e -> e.getEntry("risk")).orElse(null);
    } catch (RuntimeException e) {
      throw new UnexpectedResult(source, RISK_DECISION, describe(vars) + " give no risk ("
          + failure(decision, e) + ").", fix);
    }
    if (out == null) {
      throw new UnexpectedResult(source, RISK_DECISION, describe(vars) + " give no risk (no"
          + " rule matches).", fix);
    }
    try {
      return ChangeRisk.valueOf(String.valueOf(out));
    } catch (IllegalArgumentException e) {
      throw new UnexpectedResult(source, RISK_DECISION, describe(vars) + " give the risk '"
          + out + "', which is not LOW, MEDIUM or HIGH.", "Make the rule's output \"LOW\","
          + " \"MEDIUM\" or \"HIGH\" (upper case, in quotes).");
    }
  }

  private static ChangeAuthorityPolicy changeAuthority(String source, byte[] bytes) {
    List<Problem> problems = new ArrayList<>();
    DmnDecision decision = load(source, bytes, AUTHORITY_DECISION, List.of("changeType", "risk"),
        List.of("authority", "approverGroup", "approvalPolicy", "deadline"), problems);
    if (decision != null) {
      for (ChangeType type : List.of(ChangeType.NORMAL, ChangeType.EMERGENCY)) {
        for (ChangeRisk risk : ChangeRisk.values()) {
          try {
            authorityOf(source, decision, type, risk);
          } catch (UnexpectedResult e) {
            problems.add(new Problem(source, AUTHORITY_DECISION, e.problem, e.fix));
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ContractViolationException(source, problems);
    }
    return (type, risk) -> authorityOf(source, decision, Objects.requireNonNull(type, "type"),
        Objects.requireNonNull(risk, "risk"));
  }

  private static ChangeAuthority authorityOf(String source, DmnDecision decision,
      ChangeType type, ChangeRisk risk) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("changeType", type.name());
    vars.put("risk", risk.name());
    String inputs = describe(vars);
    DmnDecisionResultEntries result;
    try {
      result = evaluate(decision, vars).orElse(null);
    } catch (RuntimeException e) {
      throw new UnexpectedResult(source, AUTHORITY_DECISION, inputs + " give no single change"
          + " authority (" + failure(decision, e) + ").", "Make exactly one rule match this"
          + " combination (hit policy UNIQUE; e.g. narrow the inputs of one of the rules) and"
          + " check its expressions in Camunda Modeler.");
    }
    if (result == null) {
      throw new UnexpectedResult(source, AUTHORITY_DECISION, inputs + " give no change"
          + " authority (no rule matches).", "Add a rule for this combination with the outputs"
          + " authority, approverGroup, approvalPolicy (e.g. \"ANY\") and deadline (e.g."
          + " \"P2D\").");
    }
    Object policyText = result.getEntry("approvalPolicy");
    ApprovalPolicy policy;
    try {
      policy = ApprovalPolicy.parse(policyText == null ? null : String.valueOf(policyText));
    } catch (IllegalArgumentException e) {
      throw new UnexpectedResult(source, AUTHORITY_DECISION, inputs + " give an invalid"
          + " approvalPolicy: " + e.getMessage() + ".", "Write the rule's approvalPolicy as"
          + " \"ANY\", \"ALL\", \"QUORUM:2\" or \"QUORUM:60%\" (in quotes).");
    }
    Object deadlineValue = result.getEntry("deadline");
    Duration deadline;
    try {
      deadline = deadlineValue instanceof Duration d ? d
          : Duration.parse(String.valueOf(deadlineValue).strip());
    } catch (DateTimeParseException e) {
      deadline = null;
    }
    if (deadline == null || deadline.isNegative() || deadline.isZero()) {
      throw new UnexpectedResult(source, AUTHORITY_DECISION, inputs + " give the deadline '"
          + deadlineValue + "', which is not a positive ISO-8601 duration.", "Write the rule's"
          + " deadline as a duration in days, hours or minutes, e.g. \"PT4H\" or \"P2D\" (in"
          + " quotes; weeks and months are not accepted).");
    }
    Object name = result.getEntry("authority");
    Object group = result.getEntry("approverGroup");
    try {
      return new ChangeAuthority(name == null ? null : String.valueOf(name),
          group == null ? null : String.valueOf(group), policy, deadline);
    } catch (IllegalArgumentException e) {
      throw new UnexpectedResult(source, AUTHORITY_DECISION, inputs + " give an invalid change"
          + " authority: " + e.getMessage() + ".", "Fill in the rule's authority and"
          + " approverGroup outputs, e.g. \"cab\" and \"cab\".");
    }
  }

  /**
   * @return why an evaluation failed: for several matching rules that the hit policy refuses,
   *     which rules (row number and id, as Camunda Modeler shows them); otherwise the DMN
   *     engine's message
   */
  private static String failure(DmnDecision decision, RuntimeException e) {
    String m = message(e);
    List<String> matched = new ArrayList<>();
    for (Matcher r = MATCHED_RULE.matcher(m); r.find(); ) {
      matched.add(r.group(1));
    }
    if (matched.isEmpty()) {
      return m;
    }
    List<String> rows = decision.getDecisionLogic() instanceof DmnDecisionTableImpl t
        ? t.getRules().stream().map(DmnDecisionTableRuleImpl::getId).collect(Collectors.toList())
        : List.of();
    Matcher policy = HIT_POLICY.matcher(m);
    return matched.size() + " rules match: " + matched.stream()
        .map(id -> rows.contains(id) ? "row " + (rows.indexOf(id) + 1) + " (" + id + ")" : id)
        .collect(Collectors.joining(", ")) + (policy.find() ? "; the hit policy "
            + policy.group(1) + " does not allow that" : "");
  }

  /** @return e.g. {@code changeType NORMAL and risk LOW} */
  private static String describe(Map<String, Object> vars) {
    List<String> parts = vars.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.toList());
    return parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0,
        parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
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
      List<String> inputs, List<String> outputs, List<Problem> problems) {
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
        .map(Input::getInputExpression).filter(Objects::nonNull)
        .map(x -> x.getText() == null ? "" : x.getText().getTextContent().strip())
        .collect(Collectors.toSet());
    for (String in : inputs) {
      if (!found.contains(in)) {
        problems.add(new Problem(source, decisionId, "The table has no input with the"
            + " expression '" + in + "' (inputs: " + found + ").", "Add an input whose"
            + " expression is " + in + "."));
      }
    }
    Set<String> names = tables.get(0).getOutputs().stream()
        .map(Output::getName).filter(Objects::nonNull).collect(Collectors.toSet());
    for (String output : outputs) {
      if (!names.contains(output)) {
        problems.add(new Problem(source, decisionId, "The table has no output named '" + output
            + "'" + (outputs.size() > 1 ? " (outputs: " + names + ")" : "") + ".",
            (outputs.size() > 1 ? "Add an output column named " : "Name the output column ")
            + output + "."));
      }
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

  /**
   * A table's result for some inputs is not what the policy needs: an {@link
   * IllegalStateException} when a policy is evaluated, a {@link Problem} when a table is loaded.
   */
  private static final class UnexpectedResult extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String fix;

    UnexpectedResult(String source, String decisionId, String problem, String fix) {
      super(source + " [" + decisionId + "]: " + problem + " Fix: " + fix);
      this.problem = problem;
      this.fix = fix;
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
