package dev.itsm.bpmn;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.itsm.bpmn.contract.DiagramReport;
import dev.itsm.bpmn.contract.DiagramValidator;
import dev.itsm.bpmn.contract.ProcessContract;
import dev.itsm.bpmn.internal.CamundaChangeWorkflow;
import dev.itsm.bpmn.internal.CamundaIncidentWorkflow;
import dev.itsm.bpmn.internal.ChangeProcessCallbacks;
import dev.itsm.bpmn.internal.ChangeProcessModel;
import dev.itsm.bpmn.internal.ProcessDriver;
import dev.itsm.bpmn.internal.CamundaMajorIncidentWorkflow;
import dev.itsm.bpmn.internal.CamundaProblemWorkflow;
import dev.itsm.bpmn.internal.MajorIncidentCallbacks;
import dev.itsm.bpmn.internal.StageResolver;
import dev.itsm.bpmn.internal.NamedHooks;
import dev.itsm.bpmn.internal.CommandContextConnections;
import dev.itsm.bpmn.internal.EngineTransactions;
import dev.itsm.bpmn.internal.ObjectVariablesRefused;
import dev.itsm.bpmn.internal.IncidentProcessCallbacks;
import dev.itsm.bpmn.internal.IncidentProcessModel;
import dev.itsm.bpmn.internal.ItsmJdbcSession;
import dev.itsm.bpmn.internal.SelectiveHistoryLevel;
import dev.itsm.bpmn.internal.SlaClockProcess;
import dev.itsm.bpmn.internal.CamundaRequestWorkflow;
import dev.itsm.bpmn.internal.RequestProcessCallbacks;
import dev.itsm.bpmn.internal.RequestProcessModel;
import dev.itsm.core.Actor;
import dev.itsm.core.access.RoleModel;
import dev.itsm.core.internal.AccessGuard;
import dev.itsm.core.spi.AccessPolicy;
import dev.itsm.core.ValidationException;
import dev.itsm.core.request.CatalogItem;
import dev.itsm.core.request.RequestService;
import dev.itsm.core.request.ServiceCatalog;
import dev.itsm.core.request.internal.DefaultRequestService;
import dev.itsm.core.request.internal.DefaultServiceCatalog;
import dev.itsm.core.request.internal.RequestClocks;
import dev.itsm.core.request.internal.RequestWorkflow;
import dev.itsm.core.spi.RequestStore;
import dev.itsm.core.store.jdbc.JdbcRequestStore;
import dev.itsm.core.ItsmConfigurationException;
import dev.itsm.core.ItsmException;
import dev.itsm.core.change.ChangePolicies;
import dev.itsm.core.change.ChangeService;
import dev.itsm.core.change.internal.ChangeClocks;
import dev.itsm.core.change.internal.ChangeWorkflow;
import dev.itsm.core.change.internal.DefaultChangeService;
import dev.itsm.core.change.internal.LinkedIncidents;
import dev.itsm.core.incident.IncidentService;
import dev.itsm.core.major.MajorIncidentPolicies;
import dev.itsm.core.major.MajorIncidentService;
import dev.itsm.core.major.internal.DefaultMajorIncidentService;
import dev.itsm.core.metrics.MetricsService;
import dev.itsm.core.metrics.internal.DefaultMetricsService;
import dev.itsm.core.store.jdbc.JdbcMetricsStore;
import dev.itsm.core.problem.ProblemPolicies;
import dev.itsm.core.problem.ProblemService;
import dev.itsm.core.problem.internal.DefaultProblemService;
import dev.itsm.core.spi.MajorIncidentStore;
import dev.itsm.core.spi.ProblemStore;
import dev.itsm.core.store.jdbc.JdbcMajorIncidentStore;
import dev.itsm.core.store.jdbc.JdbcProblemStore;
import dev.itsm.core.incident.internal.DefaultIncidentService;
import dev.itsm.core.incident.internal.IncidentClocks;
import dev.itsm.core.incident.internal.IncidentEscalations;
import dev.itsm.core.incident.internal.IncidentWorkflow;
import dev.itsm.core.internal.CommandValidator;
import dev.itsm.core.internal.Events;
import dev.itsm.core.internal.Outbox;
import dev.itsm.core.policy.AssignmentRule;
import dev.itsm.core.policy.NumberingPolicy;
import dev.itsm.core.policy.PriorityMatrix;
import dev.itsm.core.spi.AfterListener;
import dev.itsm.core.audit.AuditService;
import dev.itsm.core.audit.internal.DefaultAuditService;
import dev.itsm.core.spi.AuditStore;
import dev.itsm.core.spi.BeforeHook;
import dev.itsm.core.spi.ChangeStore;
import dev.itsm.core.spi.Directory;
import dev.itsm.core.spi.ConnectionSource;
import dev.itsm.core.spi.HookPoint;
import dev.itsm.core.spi.IncidentStore;
import dev.itsm.core.spi.SlaClockStore;
import dev.itsm.core.sla.ServiceLevelService;
import dev.itsm.core.sla.ServiceLevels;
import dev.itsm.core.sla.internal.DefaultServiceLevelService;
import dev.itsm.core.store.jdbc.ItsmSchema;
import dev.itsm.core.store.jdbc.JdbcAuditStore;
import dev.itsm.core.store.jdbc.JdbcChangeStore;
import dev.itsm.core.store.jdbc.JdbcIncidentStore;
import dev.itsm.core.store.jdbc.JdbcOutboxStore;
import dev.itsm.core.store.jdbc.JdbcSlaClockStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embeddable ITSM engine: the one entry point of the library. It starts a Camunda 7 process
 * engine (with its job executor, so timers fire), creates or migrates the ITSM tables, deploys the
 * ITSM processes you choose, and offers one service per practice.
 *
 * <pre>{@code
 * try (ItsmEngine engine = ItsmEngine.builder()
 *     .dataDirectory(Path.of("itsm-data"))          // H2 file database, survives restarts
 *     .processes(ItsmProcess.INCIDENT)
 *     .build()) {
 *   Actor agent = Actor.of("dana", "service-desk");
 *   Incident inc = engine.incidents().open(agent, OpenIncident.builder()
 *       .title("E-mail down").caller("bob").channel(Channel.PHONE)
 *       .impact(Impact.HIGH).urgency(Urgency.HIGH).build());
 * }
 * }</pre>
 *
 * <p>Thread-safe. Close it to stop the job executor and release the database.
 */
public final class ItsmEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ItsmEngine.class);


  /** The library version. */
  public static final String VERSION = "0.1.0-SNAPSHOT";

  private final ProcessEngine processEngine;
  private final HikariDataSource ownedDataSource;
  private final EngineTransactions transactions;
  private final CommandValidator validator;
  private final Set<ItsmProcess> processes;
  private final Set<String> tenants;
  private final IncidentService incidents;
  private final ChangeService changes;
  private final ProblemService problems;
  private final MajorIncidentService majorIncidents;
  private final RequestService requests;
  private final ServiceCatalog catalog;
  private final ServiceLevelService serviceLevels;
  private final MetricsService metrics;
  private final AuditService audit;
  private final Outbox outbox;
  private volatile boolean closed;

  private ItsmEngine(ProcessEngine processEngine, HikariDataSource ownedDataSource,
      EngineTransactions transactions, CommandValidator validator, Set<ItsmProcess> processes,
      IncidentService incidents, ChangeService changes, ProblemService problems,
      MajorIncidentService majorIncidents, RequestService requests, ServiceCatalog catalog,
      ServiceLevelService serviceLevels, Outbox outbox, MetricsService metrics,
      AuditService audit, Set<String> tenants) {
    this.tenants = Set.copyOf(tenants);
    this.processEngine = processEngine;
    this.ownedDataSource = ownedDataSource;
    this.transactions = transactions;
    this.validator = validator;
    this.processes = processes;
    this.incidents = incidents;
    this.changes = changes;
    this.problems = problems;
    this.majorIncidents = majorIncidents;
    this.requests = requests;
    this.catalog = catalog;
    this.serviceLevels = serviceLevels;
    this.outbox = outbox;
    this.metrics = metrics;
    this.audit = audit;
  }

  /** @return a new builder with the defaults described on each of its methods */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Incident management.
   *
   * @return the incident service
   * @throws ItsmConfigurationException when {@link ItsmProcess#INCIDENT} was not chosen
   */
  public IncidentService incidents() {
    if (incidents == null) {
      throw new ItsmConfigurationException("Incident management is not enabled: add "
          + "ItsmProcess.INCIDENT to ItsmEngine.builder().processes(...)");
    }
    return incidents;
  }

  /**
   * Change enablement: standard, normal and emergency changes, risk, change authority approval,
   * the change schedule with freeze windows and collision detection, and review.
   *
   * @return the change service
   * @throws ItsmConfigurationException when {@link ItsmProcess#CHANGE} was not chosen
   */
  public ChangeService changes() {
    if (changes == null) {
      throw new ItsmConfigurationException("Change enablement is not enabled: add "
          + "ItsmProcess.CHANGE to ItsmEngine.builder().processes(...)");
    }
    return changes;
  }

  /**
   * Problem management and the known error database.
   *
   * @return the problem service
   * @throws ItsmConfigurationException when {@link ItsmProcess#PROBLEM} was not chosen
   */
  public ProblemService problems() {
    if (problems == null) {
      throw new ItsmConfigurationException("Problem management is not enabled: add "
          + "ItsmProcess.PROBLEM to ItsmEngine.builder().processes(...)");
    }
    return problems;
  }

  /**
   * Major incidents: promotion, stakeholder update cadence, child incidents, post-incident review.
   *
   * @return the major incident service
   * @throws ItsmConfigurationException when {@link ItsmProcess#MAJOR_INCIDENT} was not chosen
   */
  public MajorIncidentService majorIncidents() {
    if (majorIncidents == null) {
      throw new ItsmConfigurationException("Major incidents are not enabled: add "
          + "ItsmProcess.MAJOR_INCIDENT (with ItsmProcess.INCIDENT) to"
          + " ItsmEngine.builder().processes(...)");
    }
    return majorIncidents;
  }

  /**
   * Service request management: requests for items of the service catalog, their approval (by the
   * requester's manager or a group) and their fulfilment tasks, through one generic process.
   *
   * @return the request service
   * @throws ItsmConfigurationException when {@link ItsmProcess#REQUEST} was not chosen
   */
  public RequestService requests() {
    if (requests == null) {
      throw new ItsmConfigurationException("Service request management is not enabled: add "
          + "ItsmProcess.REQUEST to ItsmEngine.builder().processes(...)");
    }
    return requests;
  }

  /**
   * The service catalog: the versioned items that {@link #requests()} can request.
   *
   * @return the catalog
   * @throws ItsmConfigurationException when {@link ItsmProcess#REQUEST} was not chosen
   */
  public ServiceCatalog catalog() {
    if (catalog == null) {
      throw new ItsmConfigurationException("The service catalog is part of service request"
          + " management, which is not enabled: add ItsmProcess.REQUEST to"
          + " ItsmEngine.builder().processes(...)");
    }
    return catalog;
  }

  /**
   * Service level management: the clocks of every record, records at risk, compliance. Clocks run
   * for every practice deployed, with the targets given to
   * {@link Builder#serviceLevels(ServiceLevels)}.
   *
   * @return the service level service
   */
  public ServiceLevelService serviceLevels() {
    return serviceLevels;
  }

  /**
   * Continual improvement: KPIs of the deployed practices for a period, optionally per service,
   * assignment group, category or priority. Practices that are not deployed have no section.
   *
   * @return the metrics service
   */
  public MetricsService metrics() {
    return metrics;
  }

  /**
   * The audit trail's hash chains: verify a record or a period.
   *
   * <pre>{@code
   * AuditVerification v = engine.audit().verify(Actor.of("ada", "itsm-admins"), "INC0000001");
   * }</pre>
   *
   * @return the audit service
   */
  public AuditService audit() {
    return audit;
  }

  /**
   * Waits until the job executor has run every job that is due by the {@link EngineClock}: after
   * {@code EngineClock.advance(...)} in a test, this returns once the timers that fell due have
   * fired (and the jobs they created have run).
   *
   * <pre>{@code
   * EngineClock.advance(Duration.ofMinutes(31));
   * engine.awaitDueJobs(Duration.ofSeconds(30));
   * assertThat(engine.incidents().get(agent, number).milestones().responseBreachedAt())
   *     .isNotNull();
   * }</pre>
   *
   * @param timeout how long to wait at most
   * @return {@code true} when no due job is left, {@code false} on timeout
   */
  public boolean awaitDueJobs(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (processEngine.getManagementService().createJobQuery().executable().count() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /**
   * @return how many committed events wait in the outbox for the after-commit listeners (e.g.
   *     because a listener failed and delivery is retried); 0 when none are registered
   */
  public long pendingEvents() {
    return outbox.pending();
  }

  /**
   * Versions of the deployed diagrams, and migration of running records to the newest one.
   *
   * @return the versions view
   */
  public ProcessVersions versions() {
    return new ProcessVersions(processEngine, transactions, processes, tenants);
  }

  /** @return the processes this engine deployed */
  public Set<ItsmProcess> processes() {
    return processes;
  }

  /**
   * The underlying Camunda process engine, for power users (Cockpit-style queries, history,
   * custom deployments). Nothing in the ITSM API needs it; changing ITSM process instances through
   * it directly can put them out of step with their records.
   *
   * @return the Camunda process engine
   */
  public ProcessEngine processEngine() {
    return processEngine;
  }

  /** Stops the job executor and the process engine and releases the database. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      outbox.close();
      processEngine.close();
    } finally {
      transactions.close();
      validator.close();
      if (ownedDataSource != null) {
        ownedDataSource.close();
      }
      LOG.info("ITSM engine {} closed", processEngine.getName());
    }
  }

  /**
   * Configures and starts an {@link ItsmEngine}. Configuration is checked when {@link #build()} is
   * called; a bad setting fails fast with a message that says what to change.
   */
  public static final class Builder {
    private Path dataDirectory = Path.of("itsm-data");
    private DataSource dataSource;
    private final Set<ItsmProcess> processes = EnumSet.noneOf(ItsmProcess.class);
    private HistoryLevel historyLevel = HistoryLevel.AUDIT;
    private Duration autoCloseAfter = Duration.ofDays(3);
    private PriorityMatrix priorityMatrix; // null: the shipped DMN table, loaded by build()
    private AssignmentRule assignmentRule = AssignmentRule.none();
    private String fallbackGroup = "service-desk";
    private NumberingPolicy numbering = NumberingPolicy.standard();
    private ServiceLevels serviceLevels = ServiceLevels.defaults();
    private final List<BeforeHook> beforeHooks = new ArrayList<>();
    private final List<AfterListener> afterListeners = new ArrayList<>();
    private Function<ConnectionSource, IncidentStore> incidentStore = JdbcIncidentStore::new;
    private Function<ConnectionSource, AuditStore> auditStore = JdbcAuditStore::new;
    private Function<ConnectionSource, SlaClockStore> slaClockStore = JdbcSlaClockStore::new;
    private Function<ConnectionSource, ChangeStore> changeStore = JdbcChangeStore::new;
    private Function<ConnectionSource, RequestStore> requestStore = JdbcRequestStore::new;
    private final List<Path> catalogFiles = new ArrayList<>();
    private final List<CatalogItem> catalogItems = new ArrayList<>();
    private final List<Path> fulfilmentProcesses = new ArrayList<>();
    private ChangePolicies changePolicies = ChangePolicies.defaults();
    private Directory directory = Directory.NONE;
    private AccessPolicy accessPolicy = RoleModel.standard();
    private final Set<String> tenants = new java.util.TreeSet<>(Set.of(Actor.DEFAULT_TENANT));
    private ProblemPolicies problemPolicies = ProblemPolicies.defaults();
    private MajorIncidentPolicies majorIncidentPolicies = MajorIncidentPolicies.defaults();
    private Function<ConnectionSource, ProblemStore> problemStore = JdbcProblemStore::new;
    private Function<ConnectionSource, MajorIncidentStore> majorIncidentStore =
        JdbcMajorIncidentStore::new;
    private Duration jobPollInterval = Duration.ofSeconds(5);
    private Duration outboxPollInterval = Duration.ofSeconds(1);
    private Duration jobLockTime = Duration.ofMinutes(5);
    private Duration outboxRetention = Duration.ofDays(7);
    private boolean jobExecutor = true;
    private int maxPoolSize = 10;
    private final List<String> problems = new ArrayList<>();
    private final Map<ItsmProcess, Path> diagrams = new java.util.EnumMap<>(ItsmProcess.class);
    private final Map<String, HookPoint> hookPoints = new java.util.LinkedHashMap<>();

    private Builder() {}

    /**
     * Deploys your own diagram for a process instead of the shipped one ("adapt"): e.g. the
     * shipped {@code incident.bpmn} opened in Camunda Modeler, with steps added. At build time it
     * is checked against the process's {@link ProcessContract}; a diagram that does not meet it is
     * refused with a {@code ContractViolationException} listing every problem.
     *
     * @param process the process it replaces
     * @param file the .bpmn file
     * @return this
     */
    public Builder diagram(ItsmProcess process, Path file) {
      require(process, "diagram process");
      diagrams.put(process, require(file, "diagram file"));
      return this;
    }

    /**
     * Registers host code that diagrams call by name: an element with the extension property
     * {@code itsm.hook = name} and the delegate expression {@code ${itsmHook}}. A diagram naming a
     * hook nobody registered is refused at build time.
     *
     * @param name the hook's name, e.g. {@code notify-vendor}
     * @param hook the code
     * @return this
     */
    public Builder hookPoint(String name, HookPoint hook) {
      require(name, "hookPoint name");
      require(hook, "hookPoint");
      if (name != null && name.isBlank()) {
        problems.add("hookPoint name must not be blank");
      }
      if (name != null && hookPoints.put(name, hook) != null) {
        problems.add("hookPoint '" + name + "' is registered twice");
      }
      return this;
    }

    /**
     * Keeps the data in an embedded H2 file database in this directory (created if missing).
     * Default {@code ./itsm-data}. Ignored when a {@link #dataSource(DataSource)} is given.
     *
     * @param directory a writable directory
     * @return this
     */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = require(directory, "dataDirectory");
      return this;
    }

    /**
     * Uses the host's database (H2 2.x or PostgreSQL) instead of the embedded file database. The
     * host owns the data source: closing the engine does not close it.
     *
     * @param dataSource a pooled data source
     * @return this
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = require(dataSource, "dataSource");
      return this;
    }

    /**
     * Chooses the ITSM processes to deploy ("adopt" only what you need). Required: at least one.
     *
     * @param chosen the processes
     * @return this
     */
    public Builder processes(ItsmProcess... chosen) {
      for (ItsmProcess p : chosen) {
        processes.add(require(p, "processes"));
      }
      return this;
    }

    /**
     * The process history level. At {@code ACTIVITY} and {@code AUDIT} the service-level clock
     * instances write no engine history (each clock's history is in {@code itsm_sla_history},
     * {@code serviceLevels().history(clockId)}); {@code FULL} keeps theirs too. The database
     * records Camunda's plain level either way, so a plain Camunda engine (Cockpit) opens it.
     *
     * @param level the process history level; default {@link HistoryLevel#AUDIT}
     * @return this
     */
    public Builder historyLevel(HistoryLevel level) {
      this.historyLevel = require(level, "historyLevel");
      return this;
    }

    /**
     * @param period how long a resolved incident waits for the caller, and a fulfilled request
     *     for the requester's confirmation, before it closes automatically; default 3 days
     * @return this
     */
    public Builder autoCloseAfter(Duration period) {
      require(period, "autoCloseAfter");
      if (period.isNegative() || period.isZero()) {
        problems.add("autoCloseAfter must be positive, was " + period);
      }
      this.autoCloseAfter = period;
      return this;
    }

    /**
     * @param matrix impact × urgency → priority; default the shipped DMN table
     *     {@link DmnPolicies#priorityMatrix()} (the ITIL matrix)
     * @return this
     */
    public Builder priorityMatrix(PriorityMatrix matrix) {
      this.priorityMatrix = require(matrix, "priorityMatrix");
      return this;
    }

    /**
     * @param rule chooses the group of incidents opened without one; default: none (all go to
     *     the {@link #fallbackGroup(String) fallback group})
     * @return this
     */
    public Builder assignmentRule(AssignmentRule rule) {
      this.assignmentRule = require(rule, "assignmentRule");
      return this;
    }

    /**
     * @param group the service desk group: triages new incidents and takes those the assignment
     *     rule does not place; default {@code service-desk}
     * @return this
     */
    public Builder fallbackGroup(String group) {
      require(group, "fallbackGroup");
      if (group.isBlank()) {
        problems.add("fallbackGroup must not be blank");
      }
      this.fallbackGroup = group;
      return this;
    }

    /**
     * @param policy record number format; default {@code INC0000001}
     * @return this
     */
    public Builder numbering(NumberingPolicy policy) {
      this.numbering = require(policy, "numbering");
      return this;
    }

    /**
     * @param levels service level definitions: business calendars, response, resolution and
     *     operational level targets with warnings and escalations, which hold reasons pause the
     *     clocks; default {@link ServiceLevels#defaults()} (24×7). Pass
     *     {@code ServiceLevels.builder().build()} for no clocks at all.
     * @return this
     */
    public Builder serviceLevels(ServiceLevels levels) {
      this.serviceLevels = require(levels, "serviceLevels");
      return this;
    }

    /**
     * Adds a hook that runs inside the transaction before every change and may veto it.
     *
     * @param hook the hook
     * @return this
     */
    public Builder beforeHook(BeforeHook hook) {
      beforeHooks.add(require(hook, "beforeHook"));
      return this;
    }

    /**
     * Adds a listener that runs after every committed change.
     *
     * @param listener the listener
     * @return this
     */
    public Builder afterListener(AfterListener listener) {
      afterListeners.add(require(listener, "afterListener"));
      return this;
    }

    /**
     * Replaces the incident store. The factory gets the connection source of the engine's
     * transactions; a store writing elsewhere does not roll back with the process.
     *
     * @param factory creates the store
     * @return this
     */
    public Builder incidentStore(Function<ConnectionSource, IncidentStore> factory) {
      this.incidentStore = require(factory, "incidentStore");
      return this;
    }

    /**
     * Replaces the audit store (see {@link #incidentStore(Function)}).
     *
     * @param factory creates the store
     * @return this
     */
    public Builder auditStore(Function<ConnectionSource, AuditStore> factory) {
      this.auditStore = require(factory, "auditStore");
      return this;
    }

    /**
     * @param policies how change enablement runs: risk and authority policies (default: the
     *     shipped DMN tables {@link DmnPolicies#changeRisk()} and
     *     {@link DmnPolicies#changeAuthority()}), rejection rule, freeze windows, collision mode,
     *     standard change catalog, review rule, groups; default {@link ChangePolicies#defaults()}
     * @return this
     */
    public Builder changePolicies(ChangePolicies policies) {
      this.changePolicies = require(policies, "changePolicies");
      return this;
    }

    /**
     * @param policies how problem management runs: problem managers group, what resolving does to
     *     linked incidents, whether a successful change resolves its problem, proactive detection;
     *     default {@link ProblemPolicies#defaults()}
     * @return this
     */
    public Builder problemPolicies(ProblemPolicies policies) {
      this.problemPolicies = require(policies, "problemPolicies");
      return this;
    }

    /**
     * @param policies major incident criteria, managers group, update cadence, escalation group;
     *     default {@link MajorIncidentPolicies#defaults()}
     * @return this
     */
    public Builder majorIncidentPolicies(MajorIncidentPolicies policies) {
      this.majorIncidentPolicies = require(policies, "majorIncidentPolicies");
      return this;
    }

    /**
     * Replaces the problem store (see {@link #incidentStore(Function)}).
     *
     * @param factory creates the store
     * @return this
     */
    public Builder problemStore(Function<ConnectionSource, ProblemStore> factory) {
      this.problemStore = require(factory, "problemStore");
      return this;
    }

    /**
     * Replaces the major incident store (see {@link #incidentStore(Function)}).
     *
     * @param factory creates the store
     * @return this
     */
    public Builder majorIncidentStore(Function<ConnectionSource, MajorIncidentStore> factory) {
      this.majorIncidentStore = require(factory, "majorIncidentStore");
      return this;
    }

    /**
     * @param directory the identity SPI: the members of groups, for approval policies that count
     *     approvers (ALL, QUORUM:p%); users' managers, for requests approved by the requester's
     *     manager; and users' groups, added to every actor before the access check; default
     *     {@link Directory#NONE}
     * @return this
     */
    public Builder directory(Directory directory) {
      this.directory = require(directory, "directory");
      return this;
    }

    /**
     * Replaces the access policy every API call is checked against. The default is
     * {@link RoleModel#standard()}: ITIL roles held through the groups {@code service-desk},
     * {@code incident-managers}, {@code problem-managers}, {@code change-managers}, {@code cab},
     * {@code catalog-managers} and {@code itsm-admins} (map them to your groups with
     * {@link RoleModel#builder()}). {@link AccessPolicy#PERMIT_ALL} allows every call within the
     * actor's tenant, for hosts that authorise before they call.
     *
     * @param policy the policy
     * @return this
     */
    public Builder accessPolicy(AccessPolicy policy) {
      this.accessPolicy = require(policy, "accessPolicy");
      return this;
    }

    /**
     * Serves these tenants besides {@link Actor#DEFAULT_TENANT}: the processes are deployed once
     * per tenant (with the Camunda tenant id), each tenant numbers its records itself
     * ({@code ACME-INC0000001}), and every call is confined to its actor's tenant. An actor of a
     * tenant not declared here is refused.
     *
     * @param tenantIds tenant ids: a lower-case letter, then up to 11 lower-case letters, digits
     *     or {@code _}
     * @return this
     */
    public Builder tenants(String... tenantIds) {
      for (String t : require(tenantIds, "tenants")) {
        if (t == null || !t.matches(Actor.TENANT_PATTERN)) {
          throw new IllegalArgumentException("tenant id '" + t + "' is not valid: use a lower-case"
              + " letter followed by up to 11 lower-case letters, digits or _ (e.g. acme)");
        }
        tenants.add(t);
      }
      return this;
    }

    /**
     * Replaces the change store (see {@link #incidentStore(Function)}).
     *
     * @param factory creates the store
     * @return this
     */
    public Builder changeStore(Function<ConnectionSource, ChangeStore> factory) {
      this.changeStore = require(factory, "changeStore");
      return this;
    }

    /**
     * Replaces the request store, which also keeps the service catalog's versions (see
     * {@link #incidentStore(Function)}).
     *
     * @param factory creates the store
     * @return this
     */
    public Builder requestStore(Function<ConnectionSource, RequestStore> factory) {
      this.requestStore = require(factory, "requestStore");
      return this;
    }

    /**
     * Defines the items of a declarative catalog file (see {@code CatalogFile}) when the engine
     * starts, as the user {@code system}: an item whose definition changed gets a new version,
     * an unchanged one is left as it is, so the same file can be given on every start.
     * Needs {@link ItsmProcess#REQUEST}.
     *
     * <p>The items go into the catalog of the {@link Actor#DEFAULT_TENANT default tenant}. Each
     * tenant has its own catalog: define another tenant's items after the engine started, with
     * an actor of that tenant allowed {@code catalog.manage}, e.g.
     * {@code engine.catalog().define(Actor.of("cat", "catalog-managers").inTenant("acme"), file)}.
     *
     * @param jsonFile the catalog file
     * @return this
     */
    public Builder catalog(Path jsonFile) {
      catalogFiles.add(require(jsonFile, "catalog file"));
      return this;
    }

    /**
     * Defines a catalog item when the engine starts (after the catalog files), like
     * {@link #catalog(Path)}: in the default tenant's catalog (another tenant's items are defined
     * with {@code engine.catalog().define(actorOfThatTenant, item)}).
     *
     * @param item the item
     * @return this
     */
    public Builder catalogItem(CatalogItem item) {
      catalogItems.add(require(item, "catalogItem"));
      return this;
    }

    /**
     * Deploys a host BPMN process that a catalog item names as its own fulfilment process (run by
     * {@code request.bpmn} as a call activity, with the request number as business key). It is
     * checked like a customised diagram (executable, laid out, history time to live, only the
     * library's beans and registered hooks), without a contract. Needs
     * {@link ItsmProcess#REQUEST}.
     *
     * @param file the .bpmn file
     * @return this
     */
    public Builder fulfilmentProcess(Path file) {
      fulfilmentProcesses.add(require(file, "fulfilmentProcess"));
      return this;
    }

    /**
     * Replaces the service-level clock store (see {@link #incidentStore(Function)}).
     *
     * @param factory creates the store
     * @return this
     */
    public Builder slaClockStore(Function<ConnectionSource, SlaClockStore> factory) {
      this.slaClockStore = require(factory, "slaClockStore");
      return this;
    }

    /**
     * @param interval how long the idle job executor waits before it looks for due timers again;
     *     default 5 s. Timers created by this engine wake it at once.
     * @return this
     */
    public Builder jobPollInterval(Duration interval) {
      require(interval, "jobPollInterval");
      if (interval.toMillis() < 10) {
        problems.add("jobPollInterval must be at least 10 ms, was " + interval);
      }
      this.jobPollInterval = interval;
      return this;
    }

    /**
     * @param interval how often undelivered after-commit events (failed listeners, crashes) are
     *     retried; default 1 s. Each event is first delivered right after its commit.
     * @return this
     */
    public Builder outboxPollInterval(Duration interval) {
      require(interval, "outboxPollInterval");
      if (interval.toMillis() < 10) {
        problems.add("outboxPollInterval must be at least 10 ms, was " + interval);
      }
      this.outboxPollInterval = interval;
      return this;
    }

    /**
     * @param lockTime how long a node holds a job it took; default 5 minutes. When a node dies,
     *     the jobs it held run on another node once this has passed. Keep it longer than any job
     *     runs: a job still running when its lock expires may be started a second time (the
     *     records' optimistic locking keeps that safe, but it is wasted work).
     * @return this
     */
    public Builder jobLockTime(Duration lockTime) {
      require(lockTime, "jobLockTime");
      if (lockTime.toMillis() < 1000) {
        problems.add("jobLockTime must be at least 1 s, was " + lockTime);
      }
      this.jobLockTime = lockTime;
      return this;
    }

    /**
     * @param retention how long delivered events stay in the outbox table; default 7 days
     * @return this
     */
    public Builder outboxRetention(Duration retention) {
      require(retention, "outboxRetention");
      if (retention.isNegative()) {
        problems.add("outboxRetention must not be negative, was " + retention);
      }
      this.outboxRetention = retention;
      return this;
    }

    /**
     * @param active whether this engine runs the job executor (timers); default {@code true}.
     *     Switch it off only on nodes that must not execute jobs.
     * @return this
     */
    public Builder jobExecutor(boolean active) {
      this.jobExecutor = active;
      return this;
    }

    /**
     * @param size the maximum number of pooled connections to the embedded database; default 10
     * @return this
     */
    public Builder maxPoolSize(int size) {
      if (size < 2) {
        problems.add("maxPoolSize must be at least 2, was " + size);
      }
      this.maxPoolSize = size;
      return this;
    }

    private <T> T require(T value, String name) {
      if (value == null) {
        problems.add(name + " must not be null");
      }
      return value;
    }

    /**
     * Checks the configuration, starts the engine and deploys the chosen processes.
     *
     * @return the running engine
     * @throws ItsmConfigurationException listing what is wrong with the configuration, or why the
     *     database or a process could not start
     */
    public ItsmEngine build() {
      List<String> all = new ArrayList<>(problems);
      if (processes.isEmpty()) {
        all.add("choose at least one process, e.g. .processes(ItsmProcess.INCIDENT)");
      }
      if (processes.contains(ItsmProcess.MAJOR_INCIDENT)
          && !processes.contains(ItsmProcess.INCIDENT)) {
        all.add("ItsmProcess.MAJOR_INCIDENT needs ItsmProcess.INCIDENT: add it to .processes(...)");
      }
      if (!processes.contains(ItsmProcess.REQUEST) && (!catalogFiles.isEmpty()
          || !catalogItems.isEmpty() || !fulfilmentProcesses.isEmpty())) {
        all.add("catalog(...), catalogItem(...) and fulfilmentProcess(...) need service request"
            + " management: add ItsmProcess.REQUEST to .processes(...)");
      }
      if (!all.isEmpty()) {
        throw new ItsmConfigurationException("Invalid ITSM engine configuration: "
            + String.join("; ", all));
      }
      Preloaded preloaded = new Preloaded(priorityMatrix);
      Map<String, Diagram> checked;
      HikariDataSource owned;
      try {
        // diagrams first: a refused diagram must not leave a database or an engine behind
        checked = checkDiagrams();
        owned = dataSource == null ? embeddedDatabase() : null;
      } catch (RuntimeException | Error e) {
        preloaded.discard();
        throw e;
      }
      DataSource ds = dataSource != null ? dataSource : owned;
      try {
        return start(ds, owned, checked, preloaded);
      } catch (RuntimeException | Error e) {
        preloaded.discard();
        if (owned != null) {
          owned.close();
        }
        throw e;
      }
    }

    /**
     * What {@link #build()} loads on a thread of its own while the diagrams are checked and the
     * database and the process engine start: in a fresh JVM the shipped priority table (DMN with
     * FEEL expressions) and the command validator take a few hundred milliseconds to load, and
     * nothing before the services are assembled needs them.
     */
    private static final class Preloaded {
      private final CompletableFuture<PriorityMatrix> matrix;
      private final CompletableFuture<CommandValidator> validator = new CompletableFuture<>();
      private final AtomicBoolean validatorTaken = new AtomicBoolean();

      Preloaded(PriorityMatrix chosen) {
        matrix = chosen != null ? CompletableFuture.completedFuture(chosen)
            : new CompletableFuture<>();
        Thread loader = new Thread(() -> {
          if (!matrix.isDone()) {
            complete(matrix, DmnPolicies::priorityMatrix);
          }
          complete(validator, CommandValidator::new);
        }, "itsm-start");
        loader.setDaemon(true);
        loader.start();
      }

      private static <T> void complete(CompletableFuture<T> future, Supplier<T> work) {
        try {
          future.complete(work.get());
        } catch (RuntimeException | Error e) {
          future.completeExceptionally(e);
        }
      }

      PriorityMatrix matrix() {
        return await(matrix);
      }

      /** @return the validator; from now on the caller closes it */
      CommandValidator validator() {
        validatorTaken.set(true);
        return await(validator);
      }

      /** Closes what was loaded for a build that failed. */
      void discard() {
        if (!validatorTaken.get()) {
          validator.thenAccept(CommandValidator::close);
        }
      }

      private static <T> T await(CompletableFuture<T> future) {
        try {
          return future.join();
        } catch (CompletionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw e;
        }
      }
    }

    private HikariDataSource embeddedDatabase() {
      Path dir = dataDirectory.toAbsolutePath().normalize();
      try {
        Files.createDirectories(dir);
      } catch (IOException | SecurityException e) {
        throw new ItsmConfigurationException("Cannot create the data directory " + dir + ": "
            + e.getMessage() + "; choose a writable directory with .dataDirectory(...)", e);
      }
      if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
        throw new ItsmConfigurationException("The data directory " + dir + " is not a writable"
            + " directory; choose another with .dataDirectory(...)");
      }
      HikariConfig cfg = new HikariConfig();
      cfg.setPoolName("itsm-h2");
      // QUERY_CACHE_SIZE: H2 parses again every statement that is not among the last 8 of the
      // session (its default); an incident's lifecycle runs about 80 different statements
      // (engine and ITSM tables), and parsing took 10-15 % of an API call's CPU time
      cfg.setJdbcUrl("jdbc:h2:file:" + dir.resolve("itsm") + ";DB_CLOSE_ON_EXIT=FALSE"
          + ";QUERY_CACHE_SIZE=256");
      cfg.setUsername("sa");
      cfg.setPassword("");
      cfg.setMaximumPoolSize(maxPoolSize);
      cfg.setMinimumIdle(1);
      cfg.setAutoCommit(false);
      cfg.setInitializationFailTimeout(1);
      try {
        return new HikariDataSource(cfg);
      } catch (RuntimeException e) {
        throw new ItsmConfigurationException("Cannot open the H2 database in " + dir + ": "
            + rootMessage(e) + " (is another process using it?)", e);
      }
    }

    private ItsmEngine start(DataSource ds, HikariDataSource owned,
        Map<String, Diagram> checked, Preloaded preloaded) {
      String database = describe(ds);
      String schemaVersion = ItsmSchema.migrate(ds);
      ItsmSchema.createTenantSequences(ds, tenants);

      IncidentProcessCallbacks incidentCallbacks = new IncidentProcessCallbacks();
      ChangeProcessCallbacks changeCallbacks = new ChangeProcessCallbacks();
      MajorIncidentCallbacks majorCallbacks = new MajorIncidentCallbacks();
      RequestProcessCallbacks requestCallbacks = new RequestProcessCallbacks();
      SlaClockProcess slaProcess = new SlaClockProcess();
      StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
      cfg.setProcessEngineName("itsm-" + UUID.randomUUID().toString().substring(0, 8));
      cfg.setDataSource(ds);
      cfg.setTransactionsExternallyManaged(false);
      cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
      configureHistory(cfg);
      cfg.setIdGenerator(new StrongUuidGenerator());
      // variables hold primitives, strings and dates only: never Java-serialised objects. The flag
      // only refuses variables given in serialised form; an object given as such would still be
      // Java-serialised, so a serializer placed first refuses every object variable
      cfg.setJavaSerializationFormatEnabled(false);
      cfg.setCustomPreVariableSerializers(new ArrayList<>(List.of(new ObjectVariablesRefused())));
      cfg.setDefaultSerializationFormat(ObjectVariablesRefused.NAME);
      // started below, once the beans the diagrams call are bound: a timer that is already due
      // must not fire into an unbound callback
      cfg.setJobExecutorActivate(false);
      cfg.setJobExecutorDeploymentAware(false);
      cfg.setMetricsEnabled(false);
      // API failures (vetoes, illegal transitions) reach the caller as typed exceptions; the
      // engine need not log each one as an ERROR with a stack trace
      cfg.setEnableCmdExceptionLogging(false);
      cfg.setBeans(Map.of(IncidentProcessModel.CALLBACK_BEAN, incidentCallbacks,
          ChangeProcessModel.CALLBACK_BEAN, changeCallbacks,
          MajorIncidentCallbacks.BEAN, majorCallbacks,
          RequestProcessModel.CALLBACK_BEAN, requestCallbacks,
          SlaClockProcess.CALLBACK_BEAN, slaProcess,
          DiagramValidator.HOOK_BEAN, new NamedHooks(hookPoints)));
      List<SessionFactory> sessions = new ArrayList<>();
      sessions.add(new ItsmJdbcSession.Factory());
      cfg.setCustomSessionFactories(sessions);
      DefaultJobExecutor jobs = new DefaultJobExecutor();
      jobs.setMaxWait(jobPollInterval.toMillis());
      jobs.setWaitTimeInMillis((int) Math.min(jobPollInterval.toMillis(), 5000));
      jobs.setLockTimeInMillis((int) Math.min(Integer.MAX_VALUE, jobLockTime.toMillis()));
      cfg.setJobExecutor(jobs);

      ProcessEngine engine;
      try {
        engine = cfg.buildProcessEngine();
      } catch (RuntimeException e) {
        throw new ItsmConfigurationException("The process engine could not start on " + database
            + ": " + rootMessage(e), e);
      }
      EngineTransactions tx = new EngineTransactions(
          ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
              .getCommandExecutorTxRequired());
      CommandValidator validator = null;
      try {
        validator = preloaded.validator();
        List<String> deployed = deploy(engine, checked);
        ConnectionSource connections = new CommandContextConnections();
        Outbox outbox = new Outbox(new JdbcOutboxStore(connections), tx, afterListeners,
            EngineClock.clock(), outboxRetention);
        // the library's own before-hooks (e.g. the major incident close guard) run first; they are
        // added below once the services exist
        List<BeforeHook> internalHooks = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<BeforeHook> hooks = new ArrayList<>();
        hooks.add(event -> internalHooks.forEach(h -> h.before(event)));
        hooks.addAll(beforeHooks);
        Events events = new Events(hooks, outbox);
        AccessGuard guard = new AccessGuard(accessPolicy, directory, tenants);
        // other practices follow incidents (known errors, detection, major incidents)
        List<IncidentWorkflow> followers = new java.util.concurrent.CopyOnWriteArrayList<>();
        DefaultServiceLevelService sla = new DefaultServiceLevelService(serviceLevels,
            Objects.requireNonNull(slaClockStore.apply(connections), "slaClockStore factory"),
            tx, slaProcess, EngineClock.clock(), events, guard);
        slaProcess.bind(engine, sla);
        StageResolver stages = new StageResolver(engine);
        IncidentService incidents = null;
        IncidentStore incidentRecords = null;
        if (processes.contains(ItsmProcess.INCIDENT)) {
          incidentRecords = Objects.requireNonNull(incidentStore.apply(connections),
              "incidentStore factory");
          DefaultIncidentService service = new DefaultIncidentService(
              new DefaultIncidentService.Settings(EngineClock.clock(), preloaded.matrix(),
                  assignmentRule, fallbackGroup, numbering, IncidentClocks.dueDates(sla)),
              incidentRecords,
              Objects.requireNonNull(auditStore.apply(connections), "auditStore factory"),
              tx,
              IncidentWorkflow.both(
                  new CamundaIncidentWorkflow(engine, fallbackGroup, autoCloseAfter,
                      stages),
                  IncidentWorkflow.both(new IncidentClocks(sla),
                      IncidentWorkflow.all(followers))),
              validator, events, guard);
          incidentCallbacks.bind(service);
          sla.bindEscalations(new IncidentEscalations(service));
          incidents = service;
        }
        ChangeService changes = null;
        if (processes.contains(ItsmProcess.CHANGE)) {
          ChangePolicies cp = changePolicies;
          DefaultChangeService service = new DefaultChangeService(
              new DefaultChangeService.Settings(EngineClock.clock(), cp,
                  cp.riskPolicy() != null ? cp.riskPolicy() : DmnPolicies.changeRisk(),
                  cp.authorityPolicy() != null ? cp.authorityPolicy()
                      : DmnPolicies.changeAuthority(),
                  directory, numbering,
                  incidents != null ? LinkedIncidents.over(incidents) : LinkedIncidents.NONE),
              Objects.requireNonNull(changeStore.apply(connections), "changeStore factory"),
              Objects.requireNonNull(auditStore.apply(connections), "auditStore factory"),
              tx,
              ChangeWorkflow.both(
                  new CamundaChangeWorkflow(new ProcessDriver(engine, ChangeProcessModel.KEY,
                      stages), cp.changeManagers(), cp.escalationGroup()),
                  new ChangeClocks(sla)),
              validator, events, guard);
          changeCallbacks.bind(service);
          sla.bindEscalations(ChangeClocks.PROCESS, ChangeClocks.escalations(service));
          changes = service;
        }
        ProblemService problems = null;
        if (processes.contains(ItsmProcess.PROBLEM)) {
          ChangeService changeService = changes;
          DefaultProblemService service = new DefaultProblemService(
              new DefaultProblemService.Settings(EngineClock.clock(), problemPolicies, numbering,
                  incidents, changeService == null ? null
                      : (tenant, n) -> changeService.find(Actor.system(tenant), n)
                          .filter(c -> c.tenant().equals(tenant)).isPresent()),
              Objects.requireNonNull(problemStore.apply(connections), "problemStore factory"),
              Objects.requireNonNull(auditStore.apply(connections), "auditStore factory"),
              tx,
              new CamundaProblemWorkflow(new ProcessDriver(engine, CamundaProblemWorkflow.KEY,
                  stages), problemPolicies.problemManagers()),
              validator, events, guard);
          if (incidents != null) {
            IncidentStore records = incidentRecords;
            followers.add(new IncidentWorkflow() {
              @Override
              public void started(dev.itsm.core.incident.Incident incident) {
                service.incidentOpened(incident, records);
              }

              @Override
              public void changed(dev.itsm.core.incident.IncidentAction action,
                  dev.itsm.core.incident.Incident before,
                  dev.itsm.core.incident.Incident after) {}
            });
          }
          if (changes instanceof DefaultChangeService dcs) {
            dcs.onSuccessfulClose((change, actor) -> service.changeSucceeded(change.number(),
                change.title(), change.problems(), actor));
          }
          problems = service;
        }
        MajorIncidentService majors = null;
        if (processes.contains(ItsmProcess.MAJOR_INCIDENT)) {
          DefaultMajorIncidentService service = new DefaultMajorIncidentService(
              EngineClock.clock(), majorIncidentPolicies,
              Objects.requireNonNull(majorIncidentStore.apply(connections),
                  "majorIncidentStore factory"),
              incidents, incidentRecords,
              Objects.requireNonNull(auditStore.apply(connections), "auditStore factory"),
              tx,
              new CamundaMajorIncidentWorkflow(new ProcessDriver(engine,
                  CamundaMajorIncidentWorkflow.KEY, stages), majorIncidentPolicies.managers()),
              validator, events, guard);
          followers.add(service.incidentFollower());
          internalHooks.add(service.closeGuard());
          majorCallbacks.bind(service);
          majors = service;
        }
        RequestService requests = null;
        ServiceCatalog catalog = null;
        if (processes.contains(ItsmProcess.REQUEST)) {
          RequestStore store = Objects.requireNonNull(requestStore.apply(connections),
              "requestStore factory");
          AuditStore audit = Objects.requireNonNull(auditStore.apply(connections),
              "auditStore factory");
          CamundaRequestWorkflow process = new CamundaRequestWorkflow(
              new ProcessDriver(engine, RequestProcessModel.KEY, stages), autoCloseAfter);
          DefaultRequestService service = new DefaultRequestService(
              new DefaultRequestService.Settings(EngineClock.clock(), directory, numbering),
              store, audit, tx,
              RequestWorkflow.both(process, new RequestClocks(sla, r ->
                  store.findItem(r.tenant(), r.item(), r.itemVersion()).orElseThrow())),
              validator, events, guard);
          requestCallbacks.bind(service);
          sla.bindEscalations(RequestClocks.PROCESS, RequestClocks.escalations(service));
          DefaultServiceCatalog defaultCatalog = new DefaultServiceCatalog(EngineClock.clock(),
              store, audit, tx, validator, events,
              name -> serviceLevels.calendars().find(name).isPresent(), process::knowsProcess,
              guard);
          defineCatalog(defaultCatalog);
          requests = service;
          catalog = defaultCatalog;
        }
        // practices not deployed are absent from the metrics: each deployed ItsmProcess with a
        // Practice of the same name (INCIDENT, MAJOR_INCIDENT, CHANGE, PROBLEM, REQUEST) has one
        MetricsService metrics = new DefaultMetricsService(new JdbcMetricsStore(connections), tx,
            EngineClock.clock(), serviceLevels, DefaultMetricsService.Practice.named(
                processes.stream().map(Enum::name).toList()), List.of(), guard);
        if (jobExecutor) {
          jobs.start();
        }
        outbox.start(outboxPollInterval);
        LOG.info("ITSM engine {} started: database={}, itsm-schema=v{}, processes={}, "
                + "camunda={}, itsm={}, history={}, jobExecutor={}", engine.getName(), database,
            schemaVersion, deployed, ProcessEngine.class.getPackage().getImplementationVersion(),
            VERSION, historyLevel, jobExecutor ? "on" : "off");
        return new ItsmEngine(engine, owned, tx, validator,
            Set.copyOf(new LinkedHashSet<>(processes)), incidents, changes, problems, majors,
            requests, catalog, sla, outbox, metrics, new DefaultAuditService(tx,
                Objects.requireNonNull(auditStore.apply(connections), "auditStore factory"),
                guard), guard.tenants());
      } catch (RuntimeException | Error e) {
        engine.close();
        tx.close();
        if (validator != null) {
          validator.close();
        }
        throw e;
      }
    }

    /**
     * Defines the catalog files and items given to the builder, as the user system, in the
     * default tenant's catalog.
     */
    private void defineCatalog(ServiceCatalog catalog) {
      Actor system = Actor.system();
      String what = "";
      try {
        for (Path file : catalogFiles) {
          what = "the catalog file " + file;
          catalog.define(system, file);
        }
        for (CatalogItem item : catalogItems) {
          what = "the catalog item " + item.id();
          catalog.define(system, item);
        }
      } catch (ValidationException e) {
        throw new ItsmConfigurationException("Cannot define " + what + ": " + e.getMessage(), e);
      }
    }

    /**
     * The chosen history level; at {@code ACTIVITY} and {@code AUDIT} narrowed so that processes
     * whose diagram says {@code itsm.history = none} (the service-level clocks) write none.
     */
    private void configureHistory(StandaloneProcessEngineConfiguration cfg) {
      org.camunda.bpm.engine.impl.history.HistoryLevel plain = switch (historyLevel) {
        case ACTIVITY -> org.camunda.bpm.engine.impl.history.HistoryLevel.HISTORY_LEVEL_ACTIVITY;
        case AUDIT -> org.camunda.bpm.engine.impl.history.HistoryLevel.HISTORY_LEVEL_AUDIT;
        case NONE, FULL -> null;
      };
      if (plain == null) {
        cfg.setHistory(historyLevel.camundaName());
        return;
      }
      SelectiveHistoryLevel selective = new SelectiveHistoryLevel(plain);
      cfg.setCustomHistoryLevels(List.of(selective));
      cfg.setHistoryLevel(selective);
      cfg.setCustomPostBPMNParseListeners(new ArrayList<>(List.of(
          SelectiveHistoryLevel.parseListener())));
    }

    /** A diagram to deploy: its name, bytes and contract report. */
    private record Diagram(String name, byte[] bytes, DiagramReport report) {}

    /** Reads and checks every diagram to deploy, before anything starts. */
    private Map<String, Diagram> checkDiagrams() {
      Map<String, Diagram> out = new java.util.LinkedHashMap<>();
      out.put(SlaClockProcess.KEY, read(SlaClockProcess.KEY, "itsm/processes/sla-clock.bpmn",
          null, ProcessContract.SLA_CLOCK));
      for (ItsmProcess p : processes) {
        ProcessContract contract = switch (p) {
          case INCIDENT -> ProcessContract.INCIDENT;
          case CHANGE -> ProcessContract.CHANGE;
          case PROBLEM -> ProcessContract.PROBLEM;
          case MAJOR_INCIDENT -> ProcessContract.MAJOR_INCIDENT;
          case REQUEST -> ProcessContract.REQUEST;
        };
        out.put(p.key(), read(p.key(), p.resource(), diagrams.get(p), contract));
      }
      for (Path file : fulfilmentProcesses) {
        Diagram d = read(null, null, file, null);
        String key = d.report().processKey();
        if (out.containsKey(key)) {
          throw new ItsmConfigurationException("The fulfilment process " + file + " has the key '"
              + key + "', which is taken by " + out.get(key).name() + "; give it an id of its"
              + " own");
        }
        out.put(key, d);
      }
      return out;
    }

    private Diagram read(String key, String resource, Path custom, ProcessContract contract) {
      String name;
      byte[] bytes;
      try {
        if (custom != null) {
          name = custom.toString();
          bytes = Files.readAllBytes(custom);
        } else {
          name = resource;
          try (var in = ItsmEngine.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
              throw new ItsmConfigurationException("The diagram " + resource + " is missing from"
                  + " the class path; is itsm-bpmn on it?");
            }
            bytes = in.readAllBytes();
          }
        }
      } catch (IOException e) {
        throw new ItsmConfigurationException("Cannot read the diagram "
            + (key != null ? "for " + key : custom) + ": " + e.getMessage(), e);
      }
      DiagramReport report = contract == null
          ? DiagramValidator.check(name, bytes, hookPoints.keySet())
          : DiagramValidator.check(name, bytes, contract, hookPoints.keySet());
      report.throwIfProblems();
      return new Diagram(name, bytes, report);
    }

    private List<String> deploy(ProcessEngine engine, Map<String, Diagram> diagrams) {
      List<String> deployed = new ArrayList<>();
      for (String tenant : tenants) {
        for (Map.Entry<String, Diagram> d : diagrams.entrySet()) {
          deployed.add(deploy(engine, d.getKey(), d.getValue(), tenant));
        }
      }
      return deployed;
    }

    private static String deploy(ProcessEngine engine, String key, Diagram diagram,
        String tenant) {
      String resourceName = key + ".bpmn";
      String camundaTenant = ProcessDriver.camundaTenant(tenant);
      try {
        engine.getRepositoryService().createDeployment()
            .name(key)
            .tenantId(camundaTenant)
            .enableDuplicateFiltering(true)
            .addInputStream(resourceName, new java.io.ByteArrayInputStream(diagram.bytes()))
            .deploy();
      } catch (RuntimeException e) {
        throw new ItsmConfigurationException("Process " + key + " (" + diagram.name()
            + ") does not deploy for tenant " + tenant + ": " + rootMessage(e), e);
      }
      var query = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(key).latestVersion();
      ProcessDefinition def = (camundaTenant == null ? query.withoutTenantId()
          : query.tenantIdIn(camundaTenant)).singleResult();
      if (def == null) {
        throw new ItsmConfigurationException("Process " + diagram.name() + " deployed but"
            + " defines no process with key " + key);
      }
      // Load the definition into this engine's cache now, before calls and jobs run. Loaded
      // lazily (on a node that did not deploy it: another node did, or before a restart), it is
      // put in the cache before its timer declarations are bound to their job definitions, so
      // a concurrent first use can create a timer without one, which Camunda 7.24 refuses
      // ("Invalid process definition id: processDefinitionId is null").
      engine.getRepositoryService().getProcessDefinition(def.getId());
      return key + " v" + def.getVersion()
          + (camundaTenant == null ? "" : " (tenant " + camundaTenant + ")");
    }

    private static String describe(DataSource ds) {
      try (Connection c = ds.getConnection()) {
        DatabaseMetaData md = c.getMetaData();
        return md.getDatabaseProductName() + " " + md.getDatabaseProductVersion() + " ("
            + md.getURL() + ")";
      } catch (SQLException e) {
        throw new ItsmConfigurationException("Cannot connect to the database: " + e.getMessage()
            + "; check the data source's URL, user and password and that the server is up", e);
      }
    }

    private static String rootMessage(Throwable e) {
      Throwable t = e;
      while (t.getCause() != null && t.getCause() != t) {
        if (t instanceof ItsmException) {
          break;
        }
        t = t.getCause();
      }
      return t.getMessage();
    }
  }
}
