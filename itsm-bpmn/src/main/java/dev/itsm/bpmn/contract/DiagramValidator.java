package dev.itsm.bpmn.contract;

import dev.itsm.core.ContractViolationException.Problem;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXParseException;

/**
 * Checks BPMN and DMN files before they reach the engine: that they are Camunda 7 executable
 * models at all (not a Camunda 8 diagram, parseable XML in UTF-8, inside the BPMN schema,
 * executable, laid out, with a history time to live), that the library's callbacks and named hook
 * points they use exist, and that a diagram for a shipped process meets its
 * {@link ProcessContract}. Every problem is reported at once, with the element, what is wrong,
 * and how to fix it.
 *
 * <pre>{@code
 * DiagramReport report = DiagramValidator.check("my-incident.bpmn", bytes, Set.of("notify-vendor"));
 * report.problems().forEach(System.out::println);
 * }</pre>
 */
public final class DiagramValidator {

  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";
  static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  /** The property that marks a stage. */
  public static final String STAGE = "itsm.stage";
  /** The property that names a hook point. */
  public static final String HOOK = "itsm.hook";
  /** The bean that calls named hook points. */
  public static final String HOOK_BEAN = "itsmHook";
  static final Set<String> BEANS = Set.of("itsmIncidentProcess", "itsmChangeProcess",
      "itsmMajorIncident", "itsmRequestProcess", "itsmServiceLevels", HOOK_BEAN);
  private static final Pattern BEAN_REF = Pattern.compile("\\$\\{\\s*(itsm\\w*)");
  private static final Pattern XML_ENCODING =
      Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']+)[\"']");

  private DiagramValidator() {}

  /**
   * Checks a BPMN or DMN document. The contract of a shipped process applies when its process id
   * is that process's key.
   *
   * @param source the file name, for the report (a {@code .dmn} name selects the DMN checks)
   * @param content the file's bytes
   * @param hooks the names of the registered hook points, or {@code null} to skip that check
   * @return the report
   */
  public static DiagramReport check(String source, byte[] content, Set<String> hooks) {
    List<Problem> problems = new ArrayList<>();
    Map<String, String> stages = new LinkedHashMap<>();
    Optional<Document> dom = wellFormed(source, content, problems);
    if (dom.isEmpty()) {
      return new DiagramReport(source, null, problems, stages);
    }
    Element root = dom.get().getDocumentElement();
    if (isZeebe(root)) {
      problems.add(new Problem(source, null, "This is a Camunda 8 (Zeebe) diagram (it uses the"
          + " zeebe namespace or executionPlatform \"Camunda Cloud\"); Camunda 7 cannot run it.",
          "In Camunda Modeler create a Camunda 7 (\"Camunda Platform 7\") diagram, or convert"
          + " it with the migration tooling, and use camunda: extension attributes instead of"
          + " zeebe: ones."));
      return new DiagramReport(source, null, problems, stages);
    }
    if (source.toLowerCase(java.util.Locale.ROOT).endsWith(".dmn")
        || root.getNamespaceURI() != null && root.getNamespaceURI().contains("/DMN/")) {
      checkDmn(source, content, problems);
      return new DiagramReport(source, null, problems, stages);
    }
    if (!BPMN_NS.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
      problems.add(new Problem(source, null, "The document is not BPMN 2.0: its root element is"
          + " {" + root.getNamespaceURI() + "}" + root.getLocalName() + ".",
          "Export the diagram from Camunda Modeler as BPMN 2.0 XML (root bpmn:definitions)."));
      return new DiagramReport(source, null, problems, stages);
    }
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      problems.add(new Problem(source, null, "Elements outside the BPMN 2.0 schema: "
          + rootMessage(e), "Open the file in Camunda Modeler and save it again, or remove the"
          + " elements the schema does not allow."));
      return new DiagramReport(source, null, problems, stages);
    }
    String key = checkBpmn(source, model, hooks, problems);
    if (key != null) {
      for (ProcessContract contract : ProcessContract.all()) {
        if (contract.key().equals(key)) {
          checkContract(source, model, contract, problems, stages);
        }
      }
    }
    return new DiagramReport(source, key, problems, stages);
  }

  /**
   * Checks a diagram meant to replace a shipped process.
   *
   * @param source the file name
   * @param content the bytes
   * @param contract the contract it must meet
   * @param hooks the registered hook points
   * @return the report; a wrong process id is a problem
   */
  public static DiagramReport check(String source, byte[] content, ProcessContract contract,
      Set<String> hooks) {
    DiagramReport r = check(source, content, hooks);
    if (r.processKey() != null && !r.processKey().equals(contract.key())) {
      List<Problem> problems = new ArrayList<>(r.problems());
      problems.add(new Problem(source, r.processKey(), "The executable process has the id '"
          + r.processKey() + "', but it is to replace '" + contract.key() + "'.",
          "Set the process id to " + contract.key() + " (Camunda Modeler: select the canvas,"
          + " General > ID)."));
      return new DiagramReport(source, r.processKey(), problems, r.stages());
    }
    return r;
  }

  // ------------------------------------------------------------------------------ document level

  private static Optional<Document> wellFormed(String source, byte[] content,
      List<Problem> problems) {
    Charset declared = StandardCharsets.UTF_8;
    int offset = 0;
    if (content.length >= 2 && ((content[0] == (byte) 0xFE && content[1] == (byte) 0xFF)
        || (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE))) {
      problems.add(new Problem(source, null, "The file is encoded in UTF-16; diagrams are"
          + " expected in UTF-8.", "Save the file as UTF-8 (Camunda Modeler always does)."));
      return Optional.empty();
    }
    if (content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB
        && content[2] == (byte) 0xBF) {
      offset = 3;
    }
    String head = new String(content, offset, Math.min(200, content.length - offset),
        StandardCharsets.ISO_8859_1);
    Matcher m = XML_ENCODING.matcher(head);
    if (m.find() && !m.group(1).equalsIgnoreCase("UTF-8")) {
      problems.add(new Problem(source, null, "The file declares the encoding '" + m.group(1)
          + "'; diagrams are expected in UTF-8.", "Save it as UTF-8 and declare"
          + " encoding=\"UTF-8\" in the XML declaration."));
      try {
        declared = Charset.forName(m.group(1));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
    try {
      declared.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content, offset, content.length - offset));
    } catch (CharacterCodingException e) {
      problems.add(new Problem(source, null, "The file is not valid " + declared.name()
          + " (an invalid byte sequence, e.g. text saved as Windows-1252 or ISO-8859-1).",
          "Re-save the file as UTF-8."));
      return Optional.empty();
    }
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      var builder = f.newDocumentBuilder();
      builder.setErrorHandler(null);
      return Optional.of(builder.parse(new ByteArrayInputStream(content)));
    } catch (SAXParseException e) {
      problems.add(new Problem(source, null, "The XML does not parse (line " + e.getLineNumber()
          + ", column " + e.getColumnNumber() + "): " + e.getMessage(),
          "Fix the XML at that position, or export the diagram again from Camunda Modeler."));
    } catch (Exception e) {
      problems.add(new Problem(source, null, "The XML does not parse: " + e.getMessage(),
          "Export the diagram again from Camunda Modeler."));
    }
    return Optional.empty();
  }

  private static boolean isZeebe(Element root) {
    var attrs = root.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      var a = attrs.item(i);
      if (ZEEBE_NS.equals(a.getNodeValue())) {
        return true;
      }
      if (MODELER_NS.equals(a.getNamespaceURI()) && "executionPlatform".equals(a.getLocalName())
          && "Camunda Cloud".equals(a.getNodeValue())) {
        return true;
      }
    }
    return root.getElementsByTagNameNS(ZEEBE_NS, "*").getLength() > 0;
  }

  private static void checkDmn(String source, byte[] content, List<Problem> problems) {
    DmnModelInstance dmn;
    try {
      dmn = Dmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      problems.add(new Problem(source, null, "Not a valid DMN 1.3 document: " + rootMessage(e),
          "Open it in Camunda Modeler and save it again."));
      return;
    }
    Collection<Decision> decisions = dmn.getModelElementsByType(Decision.class);
    if (decisions.isEmpty()) {
      problems.add(new Problem(source, null, "The DMN document has no decision.",
          "Add a decision table."));
    }
    for (Decision d : decisions) {
      if (d.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(new Problem(source, d.getId(), "The decision has no history time to live;"
            + " the engine refuses to deploy it.", "Set camunda:historyTimeToLive (Camunda"
            + " Modeler: select the decision, History cleanup > Time to live), e.g. 180."));
      }
    }
  }

  // ------------------------------------------------------------------------------ BPMN level

  private static String checkBpmn(String source, BpmnModelInstance model, Set<String> hooks,
      List<Problem> problems) {
    List<Process> executable = model.getModelElementsByType(Process.class).stream()
        .filter(Process::isExecutable).toList();
    if (executable.isEmpty()) {
      problems.add(new Problem(source, null, "No process in the diagram is executable, so the"
          + " engine would deploy nothing to run.", "Tick \"Executable\" on the process"
          + " (Camunda Modeler: select the canvas, General > Executable)."));
      return null;
    }
    if (executable.size() > 1) {
      problems.add(new Problem(source, null, "The diagram has " + executable.size()
          + " executable processes; one is expected.", "Keep one executable process per file."));
    }
    Process process = executable.get(0);
    if (process.getCamundaHistoryTimeToLiveString() == null) {
      problems.add(new Problem(source, process.getId(), "The process has no history time to"
          + " live; the engine refuses to deploy it.", "Set camunda:historyTimeToLive (Camunda"
          + " Modeler: select the canvas, History cleanup > Time to live), e.g. 180."));
    }
    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .filter(s -> s.getBpmnElement() != null).map(s -> s.getBpmnElement().getId())
        .collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(e -> e.getBpmnElement() != null).map(e -> e.getBpmnElement().getId())
        .collect(Collectors.toSet());
    List<String> missing = new ArrayList<>();
    for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
      if (!shapes.contains(n.getId())) {
        missing.add(n.getId());
      }
    }
    for (SequenceFlow f : model.getModelElementsByType(SequenceFlow.class)) {
      if (!edges.contains(f.getId())) {
        missing.add(f.getId());
      }
    }
    if (shapes.isEmpty() && edges.isEmpty()) {
      problems.add(new Problem(source, null, "The diagram has no layout (no BPMNDiagram shapes),"
          + " so Camunda Modeler cannot display it.", "Lay it out, e.g. open it in Camunda"
          + " Modeler and save, or generate the layout with bpmn-auto-layout."));
    } else if (!missing.isEmpty()) {
      problems.add(new Problem(source, String.join(", ", missing), "These elements have no"
          + " shape or edge in the diagram layout, so Camunda Modeler does not show them.",
          "Draw them in Camunda Modeler (or remove them)."));
    }
    for (BaseElement e : model.getModelElementsByType(BaseElement.class)) {
      for (String expression : expressions(e)) {
        Matcher m = BEAN_REF.matcher(expression);
        while (m.find()) {
          if (!BEANS.contains(m.group(1))) {
            problems.add(new Problem(source, e.getId(), "The expression " + expression
                + " calls '" + m.group(1) + "', which the library does not provide (known: "
                + BEANS.stream().sorted().toList() + ").", "Call a named hook point instead:"
                + " set the delegate expression ${" + HOOK_BEAN + "} and the extension property "
                + HOOK + " = <hook name>, and register the hook on the engine builder."));
          }
        }
      }
      String hook = property(e, HOOK);
      if (hook != null) {
        boolean callsHook = expressions(e).stream().anyMatch(x -> x.contains(HOOK_BEAN));
        if (!callsHook) {
          problems.add(new Problem(source, e.getId(), "The element names the hook '" + hook
              + "' but never calls it.", "Set the delegate expression ${" + HOOK_BEAN
              + "} on the service task, or add an execution listener with that delegate"
              + " expression."));
        }
        if (hooks != null && !hooks.contains(hook)) {
          problems.add(new Problem(source, e.getId(), "The element calls the hook point '" + hook
              + "', which nobody registered" + (hooks.isEmpty() ? "" : " (registered: "
              + hooks.stream().sorted().toList() + ")") + ".", "Register it with"
              + " ItsmEngine.builder().hookPoint(\"" + hook + "\", context -> ...), or correct"
              + " the name in the element's extension properties."));
        }
      } else if (expressions(e).stream().anyMatch(x -> x.contains(HOOK_BEAN))) {
        problems.add(new Problem(source, e.getId(), "The element calls ${" + HOOK_BEAN
            + "} but names no hook.", "Add the extension property " + HOOK + " = <hook name>."));
      }
    }
    return process.getId();
  }

  private static List<String> expressions(BaseElement e) {
    List<String> out = new ArrayList<>();
    if (e instanceof ServiceTask t) {
      if (t.getCamundaExpression() != null) {
        out.add(t.getCamundaExpression());
      }
      if (t.getCamundaDelegateExpression() != null) {
        out.add(t.getCamundaDelegateExpression());
      }
    }
    if (e instanceof UserTask t) {
      for (String x : new String[] {t.getCamundaAssignee(), t.getCamundaCandidateUsers(),
          t.getCamundaCandidateGroups()}) {
        if (x != null && x.contains("${")) {
          out.add(x);
        }
      }
    }
    if (e instanceof Activity a
        && a.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics mi
        && mi.getCamundaCollection() != null) {
      out.add(mi.getCamundaCollection());
    }
    if (e.getExtensionElements() != null) {
      for (ModelElementInstance x : e.getExtensionElements().getElements()) {
        if (x instanceof CamundaExecutionListener l) {
          if (l.getCamundaExpression() != null) {
            out.add(l.getCamundaExpression());
          }
          if (l.getCamundaDelegateExpression() != null) {
            out.add(l.getCamundaDelegateExpression());
          }
        }
      }
    }
    return out;
  }

  /**
   * @param e an element
   * @param name an extension property name
   * @return its value, or {@code null}
   */
  public static String property(BaseElement e, String name) {
    if (e.getExtensionElements() == null) {
      return null;
    }
    for (ModelElementInstance x : e.getExtensionElements().getElements()) {
      if (x instanceof CamundaProperties props) {
        for (CamundaProperty p : props.getCamundaProperties()) {
          if (name.equals(p.getCamundaName())) {
            return p.getCamundaValue();
          }
        }
      }
    }
    return null;
  }

  // ------------------------------------------------------------------------------ contract

  private static void checkContract(String source, BpmnModelInstance model,
      ProcessContract contract, List<Problem> problems, Map<String, String> stages) {
    for (ProcessContract.Stage stage : contract.stages()) {
      List<BaseElement> marked = model.getModelElementsByType(BaseElement.class).stream()
          .filter(e -> stage.name().equals(property(e, STAGE))).toList();
      if (marked.isEmpty()) {
        problems.add(new Problem(source, null, "No element is marked as the stage '"
            + stage.name() + "' (" + stage.purpose() + ").", "Mark the " + stage.elementType()
            + " with the extension property " + STAGE + " = " + stage.name()
            + " (Camunda Modeler: Extension properties)."));
        continue;
      }
      if (marked.size() > 1) {
        problems.add(new Problem(source, marked.stream().map(BaseElement::getId)
            .collect(Collectors.joining(", ")), "The stage '" + stage.name() + "' is marked on "
            + marked.size() + " elements; the library must know which one is meant.",
            "Keep " + STAGE + " = " + stage.name() + " on one " + stage.elementType() + "."));
        continue;
      }
      BaseElement e = marked.get(0);
      String type = e.getElementType().getTypeName();
      if (!stage.elementType().equals(type)) {
        problems.add(new Problem(source, e.getId(), "The stage '" + stage.name() + "' is a "
            + type + " but must be a " + stage.elementType() + " (" + stage.purpose() + ").",
            "Move " + STAGE + " = " + stage.name() + " to a " + stage.elementType()
            + ", or change the element's type."));
        continue;
      }
      stages.put(stage.name(), e.getId());
    }
    Map<String, List<CatchEvent>> catchers = new LinkedHashMap<>();
    for (MessageEventDefinition d : model.getModelElementsByType(MessageEventDefinition.class)) {
      if (d.getMessage() != null && d.getParentElement() instanceof CatchEvent c) {
        catchers.computeIfAbsent(d.getMessage().getName(), k -> new ArrayList<>()).add(c);
      }
    }
    for (String message : contract.messages()) {
      if (!catchers.containsKey(message)) {
        problems.add(new Problem(source, null, "Nothing in the diagram catches the message '"
            + message + "', which the API sends.", "Add a message catch or boundary event"
            + " referencing a message named " + message + "."));
      }
    }
    if (contract == ProcessContract.INCIDENT && stages.containsKey("resolution")) {
      String resolution = stages.get("resolution");
      boolean onResolution = catchers.getOrDefault("itsm.incident.putOnHold", List.of()).stream()
          .anyMatch(c -> c instanceof BoundaryEvent b && b.getAttachedTo() != null
              && b.getAttachedTo().getId().equals(resolution));
      if (catchers.containsKey("itsm.incident.putOnHold") && !onResolution) {
        problems.add(new Problem(source, resolution, "The message itsm.incident.putOnHold must"
            + " interrupt the resolution stage, but no boundary event on it catches it.",
            "Attach an interrupting message boundary event for itsm.incident.putOnHold to the"
            + " resolution task."));
      }
      String onHold = stages.get("on-hold");
      if (onHold != null && catchers.getOrDefault("itsm.incident.resume", List.of()).stream()
          .noneMatch(c -> c.getId().equals(onHold))) {
        problems.add(new Problem(source, onHold, "The on-hold stage must wait for the message"
            + " itsm.incident.resume.", "Make the on-hold event a message catch event for"
            + " itsm.incident.resume."));
      }
    }
    Set<String> calls = new HashSet<>();
    for (BaseElement e : model.getModelElementsByType(BaseElement.class)) {
      calls.addAll(expressions(e).stream().map(x -> x.replace(" ", "")).toList());
    }
    for (String callback : contract.callbacks()) {
      if (!calls.contains(callback.replace(" ", ""))) {
        problems.add(new Problem(source, null, "The diagram never calls " + callback + ", which"
            + " the library relies on.", "Keep a service task with the expression " + callback
            + "."));
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
