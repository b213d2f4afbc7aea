package dev.itsm.bpmn.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.itsm.core.ContractViolationException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The diagram checks: the shipped diagrams pass; inputs that are not Camunda 7 executable models
 * are recognised and explained; contract breaks are reported all at once with element and fix.
 */
class DiagramValidatorTest {

  static String shipped(String name) {
    try (InputStream in = DiagramValidatorTest.class.getClassLoader()
        .getResourceAsStream("itsm/processes/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static DiagramReport check(String xml) {
    return DiagramValidator.check("test.bpmn", xml.getBytes(StandardCharsets.UTF_8),
        ProcessContract.INCIDENT, Set.of());
  }

  static List<String> messages(DiagramReport r) {
    return r.problems().stream().map(Problem::message).toList();
  }

  @Test
  void shippedDiagramsMeetTheirContracts() {
    DiagramReport incident = check(shipped("incident.bpmn"));
    assertThat(incident.problems()).isEmpty();
    assertThat(incident.stages()).containsEntry("triage", "Task_TriageIncident")
        .containsEntry("resolution", "Task_ResolveIncident")
        .containsEntry("on-hold", "Event_Resumed")
        .containsEntry("caller-confirmation", "Gateway_AwaitConfirmation");
    assertThat(DiagramValidator.check("sla-clock.bpmn",
        shipped("sla-clock.bpmn").getBytes(StandardCharsets.UTF_8), ProcessContract.SLA_CLOCK,
        Set.of()).problems()).isEmpty();
    assertThat(DiagramValidator.check("change.bpmn",
        shipped("change.bpmn").getBytes(StandardCharsets.UTF_8), ProcessContract.CHANGE,
        Set.of()).problems()).isEmpty();
    DiagramReport request = checkRequest(shipped("request.bpmn"));
    assertThat(request.problems()).isEmpty();
    assertThat(request.stages()).containsEntry("approval", "Task_ApproveRequest")
        .containsEntry("fulfilment", "Task_FulfilRequest")
        .containsEntry("confirmation", "Task_ConfirmFulfilment");
  }

  static DiagramReport checkRequest(String xml) {
    return DiagramValidator.check("request.bpmn", xml.getBytes(StandardCharsets.UTF_8),
        ProcessContract.REQUEST, Set.of());
  }

  @Test
  void theRequestContractCoversTheFulfilmentCollectionsAndUserTaskExpressions() {
    String xml = shipped("request.bpmn")
        .replace("camunda:collection=\"${itsmRequestProcess.stageTasks(execution)}\"",
            "camunda:collection=\"${tasksOfTheStage}\"")
        .replace("${itsmRequestProcess.approvers(execution)}",
            "${itsmRequestProces.approvers(execution)}")
        .replace("name=\"itsm.request.cancel\"", "name=\"cancel\"");
    DiagramReport r = checkRequest(xml);
    assertThat(messages(r)).hasSize(3)
        .anyMatch(m -> m.contains("never calls ${itsmRequestProcess.stageTasks(execution)}"))
        .anyMatch(m -> m.contains("calls 'itsmRequestProces'"))
        .anyMatch(m -> m.contains("itsm.request.cancel"));
  }

  @Test
  void stagesMayMoveToRenamedElements() {
    String xml = shipped("incident.bpmn").replace("Task_TriageIncident", "Task_FirstLook");
    DiagramReport r = check(xml);
    assertThat(r.problems()).isEmpty();
    assertThat(r.stages()).containsEntry("triage", "Task_FirstLook");
  }

  @Test
  void everyContractProblemIsReportedAtOnce() {
    String xml = shipped("incident.bpmn")
        .replace("<camunda:property name=\"itsm.stage\" value=\"triage\" />", "")
        .replace("name=\"itsm.incident.reopen\"", "name=\"reopen-please\"")
        .replace("${itsmIncidentProcess.closeAutomatically(execution)}",
            "${itsmIncidentProcess.closeLater(execution)}")
        .replace("camunda:historyTimeToLive=\"P180D\"", "");

    DiagramReport r = check(xml);

    assertThat(r.problems()).hasSize(4);
    assertThat(messages(r)).anyMatch(m -> m.contains("stage 'triage'"))
        .anyMatch(m -> m.contains("itsm.incident.reopen"))
        .anyMatch(m -> m.contains("closeAutomatically"))
        .anyMatch(m -> m.contains("history time to live"));
    assertThat(r.problems()).allMatch(p -> p.fix() != null && !p.fix().isBlank());
  }

  @Test
  void aStageOnTheWrongKindOfElementIsNamed() {
    String xml = shipped("incident.bpmn").replace(
        "<bpmn:userTask id=\"Task_ResolveIncident\"", "<bpmn:task id=\"Task_ResolveIncident\"")
        .replaceFirst("(?s)(<bpmn:task id=\"Task_ResolveIncident\".*?)</bpmn:userTask>",
            "$1</bpmn:task>");
    DiagramReport r = check(xml);
    assertThat(r.problems()).anySatisfy(p -> {
      assertThat(p.elementId()).isEqualTo("Task_ResolveIncident");
      assertThat(p.message()).contains("stage 'resolution' is a task but must be a userTask");
    });
  }

  @Test
  void holdMustInterruptTheResolutionStage() {
    String xml = shipped("incident.bpmn").replace("attachedToRef=\"Task_ResolveIncident\"",
        "attachedToRef=\"Task_TriageIncident\"");
    assertThat(messages(check(xml))).anyMatch(m -> m.contains("must interrupt the resolution"));
  }

  @Test
  void unknownBeanAndUnregisteredHookAreRefused() {
    String xml = shipped("incident.bpmn").replace(
        "${itsmIncidentProcess.closeAutomatically(execution)}",
        "${itsmIncidentProcess.closeAutomatically(execution)}\" camunda:asyncBefore=\"false")
        .replace("camunda:expression=\"${itsmIncidentProcess.closeAutomatically(execution)}\"",
            "camunda:expression=\"${itsmIncidentProcess.closeAutomatically(execution)}\"");
    String custom = DiagramValidatorTest.vendorStep().replace("${itsmHook}", "${itsmVendor}");
    DiagramReport r = DiagramValidator.check("c.bpmn", custom.getBytes(StandardCharsets.UTF_8),
        ProcessContract.INCIDENT, Set.of("page-oncall"));
    assertThat(messages(r)).anyMatch(m -> m.contains("calls 'itsmVendor'"))
        .anyMatch(m -> m.contains("names the hook 'notify-vendor' but never calls it"))
        .anyMatch(m -> m.contains("'notify-vendor', which nobody registered (registered:"
            + " [page-oncall])"));
    assertThat(check(xml).problems()).isEmpty();
  }

  static String vendorStep() {
    try (InputStream in = DiagramValidatorTest.class.getClassLoader()
        .getResourceAsStream("diagrams/incident-with-vendor-step.bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aCamunda8DiagramIsRecognised() {
    String zeebe = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
            xmlns:modeler="http://camunda.org/schema/modeler/1.0"
            id="d" targetNamespace="x" modeler:executionPlatform="Camunda Cloud">
          <bpmn:process id="p" isExecutable="true">
            <bpmn:serviceTask id="t"><bpmn:extensionElements>
              <zeebe:taskDefinition type="x" /></bpmn:extensionElements></bpmn:serviceTask>
          </bpmn:process>
        </bpmn:definitions>
        """;
    assertThat(messages(check(zeebe))).singleElement().asString()
        .contains("Camunda 8 (Zeebe) diagram");
  }

  @Test
  void aNonExecutableProcessIsRecognised() {
    String xml = shipped("incident.bpmn").replace("isExecutable=\"true\"",
        "isExecutable=\"false\"");
    assertThat(messages(check(xml))).singleElement().asString().contains("executable");
  }

  @Test
  void aDiagramWithoutLayoutIsRecognised() {
    String xml = shipped("incident.bpmn").replaceFirst("(?s)<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>",
        "");
    assertThat(messages(check(xml))).anyMatch(m -> m.contains("no layout"));
  }

  @Test
  void xmlThatDoesNotParseIsRecognisedWithItsPosition() {
    String xml = shipped("incident.bpmn").replace("</bpmn:process>", "</bpmn:proces>");
    assertThat(messages(check(xml))).singleElement().asString()
        .contains("The XML does not parse (line");
  }

  @Test
  void anUnexpectedEncodingIsRecognised() {
    byte[] latin1 = shipped("incident.bpmn").replace("Triage incident", "Triage für Büro")
        .getBytes(StandardCharsets.ISO_8859_1);
    DiagramReport r = DiagramValidator.check("latin1.bpmn", latin1, Set.of());
    assertThat(messages(r)).singleElement().asString().contains("not valid UTF-8");

    byte[] utf16 = shipped("incident.bpmn").replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
        .getBytes(StandardCharsets.UTF_16);
    assertThat(messages(DiagramValidator.check("utf16.bpmn", utf16, Set.of())))
        .singleElement().asString().contains("UTF-16");
  }

  @Test
  void elementsOutsideTheSchemaAreRecognised() {
    String xml = shipped("incident.bpmn").replace("<bpmn:startEvent id=\"StartEvent_IncidentOpened\"",
        "<bpmn:beginEvent id=\"Odd\" /><bpmn:startEvent id=\"StartEvent_IncidentOpened\"");
    assertThat(messages(check(xml))).singleElement().asString()
        .startsWith("Elements outside the BPMN 2.0 schema");
  }

  @Test
  void aWrongProcessIdForTheReplacedProcessIsNamed() {
    String xml = shipped("incident.bpmn").replace("id=\"itsm-incident\"", "id=\"my-incidents\"");
    assertThat(messages(check(xml))).anyMatch(m -> m.contains("'my-incidents'")
        && m.contains("'itsm-incident'"));
  }
}
