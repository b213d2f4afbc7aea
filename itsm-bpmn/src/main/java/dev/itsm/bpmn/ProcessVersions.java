package dev.itsm.bpmn;

import dev.itsm.bpmn.internal.EngineTransactions;
import dev.itsm.core.ContractViolationException;
import dev.itsm.core.ContractViolationException.Problem;
import dev.itsm.core.ItsmConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Versions of the deployed diagrams and the migration of running records. Deploying a changed
 * diagram creates a new version; records keep running on the version they started on until they
 * are migrated. Each tenant has its own deployments and so its own versions: the methods without
 * a tenant act on the default tenant's; a host serving several tenants migrates each.
 */
public final class ProcessVersions {

  /**
   * One deployed version of a process.
   *
   * @param version the version number, 1 for the first
   * @param versionTag the diagram's {@code camunda:versionTag}, may be {@code null}
   * @param runningRecords how many records run on it
   */
  public record Version(int version, String versionTag, long runningRecords) {}

  private final ProcessEngine engine;
  private final EngineTransactions tx;
  private final Set<ItsmProcess> deployed;
  private final Set<String> tenants;

  ProcessVersions(ProcessEngine engine, EngineTransactions tx, Set<ItsmProcess> deployed,
      Set<String> tenants) {
    this.engine = engine;
    this.tx = tx;
    this.deployed = deployed;
    this.tenants = Set.copyOf(tenants);
  }

  /**
   * @param process a deployed process
   * @return its versions, oldest first, with the number of records running on each
   */
  public List<Version> list(ItsmProcess process) {
    return list(process, dev.itsm.core.Actor.DEFAULT_TENANT);
  }

  /**
   * @param process a deployed process
   * @param tenant a declared tenant
   * @return its versions in that tenant, oldest first, with the number of records running on
   *     each
   */
  public List<Version> list(ItsmProcess process, String tenant) {
    return definitions(process, tenant).stream().map(d -> new Version(d.getVersion(), d.getVersionTag(),
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(d.getId())
            .count())).toList();
  }

  /**
   * Moves every record running on an older version of the process to the newest version. The
   * plan is validated first, for every older version and every record; if anything fails,
   * nothing is migrated and the exception lists every problem. Otherwise all records move in one
   * transaction.
   *
   * @param process a deployed process
   * @param plan the element mapping
   * @return the migrated records
   * @throws ContractViolationException when the plan or a record cannot be migrated
   */
  public MigrationReport migrate(ItsmProcess process, MigrationPlan plan) {
    return migrate(process, plan, dev.itsm.core.Actor.DEFAULT_TENANT);
  }

  /**
   * Moves every record of a tenant running on an older version of the process to the tenant's
   * newest version (see {@link #migrate(ItsmProcess, MigrationPlan)}).
   *
   * @param process a deployed process
   * @param plan the element mapping
   * @param tenant a declared tenant
   * @return the migrated records
   * @throws ContractViolationException when the plan or a record cannot be migrated
   */
  public MigrationReport migrate(ItsmProcess process, MigrationPlan plan, String tenant) {
    List<ProcessDefinition> defs = definitions(process, tenant);
    ProcessDefinition target = defs.get(defs.size() - 1);
    String subject = "migration of " + process.key() + " to version " + target.getVersion();
    List<Problem> problems = new ArrayList<>();
    Map<ProcessDefinition, org.camunda.bpm.engine.migration.MigrationPlan> plans =
        new LinkedHashMap<>();
    for (ProcessDefinition source : defs.subList(0, defs.size() - 1)) {
      if (engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionId(source.getId()).count() == 0) {
        continue;
      }
      MigrationPlanBuilder builder = engine.getRuntimeService()
          .createMigrationPlan(source.getId(), target.getId()).mapEqualActivities();
      plan.mappings().forEach(builder::mapActivities);
      try {
        plans.put(source, builder.build());
      } catch (MigrationPlanValidationException e) {
        for (MigrationInstructionValidationReport r
            : e.getValidationReport().getInstructionReports()) {
          problems.add(new Problem("version " + source.getVersion(),
              r.getMigrationInstruction().getSourceActivityId() + " -> "
                  + r.getMigrationInstruction().getTargetActivityId(),
              String.join("; ", r.getFailures()), "Map the element to a compatible element of"
                  + " version " + target.getVersion() + "."));
        }
      } catch (RuntimeException e) {
        problems.add(new Problem("version " + source.getVersion(), null, e.getMessage(),
            "Check the element ids in the plan (old id -> new id)."));
      }
    }
    if (!problems.isEmpty()) {
      throw new ContractViolationException(subject, problems);
    }
    List<MigrationReport.Migrated> migrated = new ArrayList<>();
    try {
      tx.required(() -> {
        for (var e : plans.entrySet()) {
          List<ProcessInstance> instances = engine.getRuntimeService()
              .createProcessInstanceQuery().processDefinitionId(e.getKey().getId()).list();
          engine.getRuntimeService().newMigration(e.getValue())
              .processInstanceIds(instances.stream().map(ProcessInstance::getId).toList())
              .execute();
          for (ProcessInstance pi : instances) {
            migrated.add(new MigrationReport.Migrated(pi.getBusinessKey(),
                e.getKey().getVersion(), target.getVersion()));
          }
        }
        return null;
      });
    } catch (MigratingProcessInstanceValidationException e) {
      String record = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(e.getValidationReport().getProcessInstanceId()).list().stream()
          .map(ProcessInstance::getBusinessKey).findFirst().orElse("?");
      List<Problem> failures = new ArrayList<>();
      e.getValidationReport().getActivityInstanceReports().forEach(r -> failures.add(
          new Problem(record, r.getSourceScopeId(), String.join("; ", r.getFailures()),
              "Map " + r.getSourceScopeId() + " to an element of version "
                  + target.getVersion() + ".")));
      e.getValidationReport().getFailures().forEach(f -> failures.add(
          new Problem(record, null, f, null)));
      throw new ContractViolationException(subject + " (nothing was migrated)", failures);
    }
    migrated.sort(java.util.Comparator.comparing(MigrationReport.Migrated::recordNumber));
    return new MigrationReport(process.key(), target.getVersion(), migrated);
  }

  private List<ProcessDefinition> definitions(ItsmProcess process, String tenant) {
    if (!deployed.contains(process)) {
      throw new ItsmConfigurationException(process + " is not deployed by this engine; add it"
          + " with ItsmEngine.builder().processes(...)");
    }
    if (tenant == null || !tenants.contains(tenant)) {
      throw new ItsmConfigurationException("tenant " + tenant + " is not served by this engine"
          + " (declared: " + String.join(", ", new java.util.TreeSet<>(tenants)) + ")");
    }
    var query = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(process.key());
    String camunda = dev.itsm.bpmn.internal.ProcessDriver.camundaTenant(tenant);
    return (camunda == null ? query.withoutTenantId() : query.tenantIdIn(camunda))
        .orderByProcessDefinitionVersion().asc().list();
  }
}
