package dev.itsm.examples.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;

/**
 * The benchmark's yardstick: the incident lifecycle as a team would hand-write it on plain
 * Camunda 7 instead of embedding the library. {@code bench/raw-incident.bpmn} has the same user
 * tasks and timers as the ITSM processes (response and resolution target timers, the auto-close
 * timer); this class drives it through {@link RuntimeService} and {@link TaskService} the way
 * typical integration code does: find the task by business key, then complete it or change it.
 *
 * <p>The ticket's data (title, caller, priority, group, assignee, state, milestones, resolution)
 * is kept in process variables: that is how a plain integration keeps its data in the same
 * transaction as the process state without the connection handling the library adds.
 *
 * <p>The engine is configured exactly as {@code ItsmEngine} configures its own: the embedded H2
 * file database pooled by HikariCP with the same settings, history level {@code audit},
 * {@link StrongUuidGenerator}, the job executor on with the same timings, metrics off.
 */
final class RawIncidentIntegration implements AutoCloseable {

  static final String KEY = "raw-incident";
  static final String RESOURCE = "bench/raw-incident.bpmn";
  private static final String MSG_CLOSE = "raw.incident.close";
  private static final String TRIAGE_GROUP = "service-desk";
  /** The settings ItsmEngine puts on the URL of its embedded H2 database. */
  static final String H2_SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=256";

  private final HikariDataSource dataSource;
  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final AtomicLong numbers = new AtomicLong();

  private RawIncidentIntegration(HikariDataSource dataSource, ProcessEngine engine) {
    this.dataSource = dataSource;
    this.engine = engine;
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
  }

  /**
   * Starts a Camunda engine on an H2 file database in {@code dir}, set up as {@code ItsmEngine}
   * sets up its own, and deploys the hand-written diagram.
   *
   * @param dir the data directory
   * @return the running integration
   */
  static RawIncidentIntegration start(Path dir) {
    HikariConfig db = new HikariConfig();
    db.setPoolName("raw-h2");
    // the URL and pool settings of ItsmEngine's embedded database
    db.setJdbcUrl("jdbc:h2:file:" + dir.toAbsolutePath().resolve("raw") + H2_SETTINGS);
    db.setUsername("sa");
    db.setPassword("");
    db.setMaximumPoolSize(10);
    db.setMinimumIdle(1);
    db.setAutoCommit(false);
    db.setInitializationFailTimeout(1);
    HikariDataSource ds = new HikariDataSource(db);

    StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
    cfg.setProcessEngineName("raw-" + Long.toHexString(System.nanoTime()));
    cfg.setDataSource(ds);
    cfg.setTransactionsExternallyManaged(false);
    cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    cfg.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
    cfg.setIdGenerator(new StrongUuidGenerator());
    cfg.setJobExecutorActivate(false);
    cfg.setJobExecutorDeploymentAware(false);
    cfg.setMetricsEnabled(false);
    cfg.setEnableCmdExceptionLogging(false);
    DefaultJobExecutor jobs = new DefaultJobExecutor();
    jobs.setMaxWait(5000);
    jobs.setWaitTimeInMillis(5000);
    jobs.setLockTimeInMillis(5 * 60 * 1000);
    cfg.setJobExecutor(jobs);
    ProcessEngine engine;
    try {
      engine = cfg.buildProcessEngine();
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    engine.getRepositoryService().createDeployment().name(KEY).enableDuplicateFiltering(true)
        .addClasspathResource(RESOURCE).deploy();
    jobs.start();
    return new RawIncidentIntegration(ds, engine);
  }

  /** The data of a new ticket, as the integration's own form would hand it over. */
  record NewTicket(String title, String description, String caller, String channel,
      String category, int impact, int urgency) {}

  /** @return the ticket number */
  String open(NewTicket t) {
    String number = "RAW" + String.format("%07d", numbers.incrementAndGet());
    String priority = priority(t.impact(), t.urgency());
    Instant now = Instant.now();
    Map<String, Object> vars = new HashMap<>();
    vars.put("number", number);
    vars.put("title", t.title());
    vars.put("description", t.description());
    vars.put("caller", t.caller());
    vars.put("channel", t.channel());
    vars.put("category", t.category());
    vars.put("impact", t.impact());
    vars.put("urgency", t.urgency());
    vars.put("priority", priority);
    vars.put("state", "NEW");
    vars.put("triageGroup", TRIAGE_GROUP);
    vars.put("assignmentGroup", TRIAGE_GROUP);
    vars.put("assignee", null);
    vars.put("openedAt", Date.from(now));
    vars.put("responseDue", Date.from(now.plus(responseTarget(priority))));
    vars.put("resolutionDue", Date.from(now.plus(resolutionTarget(priority))));
    vars.put("autoCloseAfter", Duration.ofDays(3).toString());
    runtime.startProcessInstanceByKey(KEY, number, vars);
    return number;
  }

  void assign(String number, String group, String assignee) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    Map<String, Object> vars = new HashMap<>();
    vars.put("assignmentGroup", group);
    vars.put("assignee", assignee);
    runtime.setVariables(task.getProcessInstanceId(), vars);
    tasks.setAssignee(task.getId(), assignee);
  }

  void acknowledge(String number) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey("Task_Triage").singleResult();
    Map<String, Object> vars = new HashMap<>();
    vars.put("state", "IN_PROGRESS");
    vars.put("acknowledgedAt", new Date());
    tasks.complete(task.getId(), vars);
  }

  void resolve(String number, String code, String notes) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey("Task_Resolve").singleResult();
    Map<String, Object> vars = new HashMap<>();
    vars.put("state", "RESOLVED");
    vars.put("resolutionCode", code);
    vars.put("resolutionNotes", notes);
    vars.put("resolvedAt", new Date());
    tasks.complete(task.getId(), vars);
  }

  void close(String number) {
    runtime.createMessageCorrelation(MSG_CLOSE).processInstanceBusinessKey(number)
        .setVariable("state", "CLOSED").setVariable("closedAt", new Date()).correlate();
  }

  ProcessEngine engine() {
    return engine;
  }

  /** The ITIL matrix: impact and urgency 1 (high) .. 3 (low). */
  private static String priority(int impact, int urgency) {
    return "P" + Math.min(5, impact + urgency - 1);
  }

  private static Duration responseTarget(String priority) {
    return switch (priority) {
      case "P1" -> Duration.ofMinutes(15);
      case "P2" -> Duration.ofMinutes(30);
      case "P3" -> Duration.ofHours(4);
      case "P4" -> Duration.ofHours(8);
      default -> Duration.ofDays(1);
    };
  }

  private static Duration resolutionTarget(String priority) {
    return switch (priority) {
      case "P1" -> Duration.ofHours(4);
      case "P2" -> Duration.ofHours(8);
      case "P3" -> Duration.ofDays(3);
      case "P4" -> Duration.ofDays(5);
      default -> Duration.ofDays(10);
    };
  }

  @Override
  public void close() {
    try {
      engine.close();
    } finally {
      dataSource.close();
    }
  }
}
