package dev.itsm.core.request;

import dev.itsm.core.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of an item of the service catalog: what can be requested, the request form, who
 * approves, how it is fulfilled, the service-level target and the note given on delivery. Items are
 * versioned: defining an item again creates a new version, and a request keeps the version it was
 * made with to the end. Immutable.
 *
 * <pre>{@code
 * CatalogItem laptop = CatalogItem.builder("laptop").name("Standard laptop")
 *     .description("A 14-inch business laptop with a docking station")
 *     .field(FormField.choice("model", "14-inch", "16-inch").required().build())
 *     .field(FormField.date("neededBy").label("Needed by").build())
 *     .approval(RequestApproval.manager())
 *     .sequential(FulfilmentTask.of("Order hardware", "procurement"),
 *         FulfilmentTask.of("Image and hand over", "desktop-support"))
 *     .serviceLevel(Duration.ofDays(5), "24x7")
 *     .deliveryNote("Your laptop is ready at the IT desk, floor 2")
 *     .build();
 * engine.catalog().define(admin, laptop);
 * }</pre>
 *
 * @param id the item's id, lower-case letters, digits and dashes, e.g. {@code laptop}
 * @param version the version, 1 for the first; assigned by the catalog
 * @param name the item's name, e.g. {@code Standard laptop}
 * @param description what the requester gets, or {@code null}
 * @param fields the request form's fields, in form order
 * @param approval who approves
 * @param tasks the fulfilment tasks with their stages (empty when {@code fulfilmentProcess} is set)
 * @param fulfilmentProcess the key of the item's own BPMN process, run as a call activity instead
 *     of the tasks, or {@code null}
 * @param serviceLevelTarget how long fulfilment may take (business time, from submission until
 *     fulfilled), or {@code null} for the engine's service-level targets of process
 *     {@code request}
 * @param serviceLevelCalendar the business calendar of the target, e.g. {@code 24x7}
 * @param deliveryNote what the requester is told when the request is fulfilled, or {@code null}
 * @param retired whether the item can no longer be requested (running requests go on)
 * @param definedAt when this version was defined; set by the catalog
 * @param definedBy who defined this version; set by the catalog
 * @param tenant the tenant whose catalog holds this version; set by the catalog (the defining
 *     actor's tenant); {@code null} means {@link Actor#DEFAULT_TENANT}
 */
public record CatalogItem(String id, int version, String name, String description,
    List<FormField> fields, RequestApproval approval, List<FulfilmentTask> tasks,
    String fulfilmentProcess, Duration serviceLevelTarget, String serviceLevelCalendar,
    String deliveryNote, boolean retired, Instant definedAt, String definedBy, String tenant) {

  /** The calendar of service-level targets that name none. */
  public static final String DEFAULT_CALENDAR = "24x7";

  /** Copies the lists and fills the defaults. */
  public CatalogItem {
    tenant = tenant == null ? Actor.DEFAULT_TENANT : tenant;
    fields = fields == null ? List.of() : List.copyOf(fields);
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
    approval = approval == null ? RequestApproval.none() : approval;
    serviceLevelCalendar = serviceLevelCalendar == null || serviceLevelCalendar.isBlank()
        ? DEFAULT_CALENDAR : serviceLevelCalendar;
  }

  /** @param id the item's id @return a builder with no fields, no approval and no tasks */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** @return a builder holding this item's definition and tenant (not its version, time and author) */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.name = name;
    b.description = description;
    b.fields.addAll(fields);
    b.approval = approval;
    b.tasks.addAll(tasks);
    b.fulfilmentProcess = fulfilmentProcess;
    b.serviceLevelTarget = serviceLevelTarget;
    b.serviceLevelCalendar = serviceLevelCalendar;
    b.deliveryNote = deliveryNote;
    b.retired = retired;
    b.tenant = tenant;
    return b;
  }

  /** @param fieldName a field's name @return the field */
  public Optional<FormField> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }

  /** @return the number of fulfilment stages (0 when the item runs its own process) */
  public int stages() {
    return tasks.stream().mapToInt(FulfilmentTask::stage).max().orElse(0);
  }

  /** @return how the fulfilment tasks are ordered, or {@code null} when there are none */
  public FulfilmentOrder order() {
    if (tasks.isEmpty()) {
      return null;
    }
    int stages = stages();
    if (stages == tasks.size()) {
      return FulfilmentOrder.SEQUENTIAL;
    }
    return stages == 1 ? FulfilmentOrder.PARALLEL : FulfilmentOrder.STAGED;
  }

  /**
   * @param other another version
   * @return whether both define the same item (everything but version, time and author equal)
   */
  public boolean sameDefinitionAs(CatalogItem other) {
    return other != null && Objects.equals(id, other.id) && Objects.equals(name, other.name)
        && Objects.equals(description, other.description) && fields.equals(other.fields)
        && approval.equals(other.approval) && tasks.equals(other.tasks)
        && Objects.equals(fulfilmentProcess, other.fulfilmentProcess)
        && Objects.equals(serviceLevelTarget, other.serviceLevelTarget)
        && serviceLevelCalendar.equals(other.serviceLevelCalendar)
        && Objects.equals(deliveryNote, other.deliveryNote) && retired == other.retired;
  }

  /** Builds {@link CatalogItem} definitions; the catalog checks them when they are defined. */
  public static final class Builder {
    private final String id;
    private int version;
    private String name;
    private String description;
    private final List<FormField> fields = new ArrayList<>();
    private RequestApproval approval = RequestApproval.none();
    private final List<FulfilmentTask> tasks = new ArrayList<>();
    private String fulfilmentProcess;
    private Duration serviceLevelTarget;
    private String serviceLevelCalendar;
    private String deliveryNote;
    private boolean retired;
    private Instant definedAt;
    private String definedBy;
    private String tenant = Actor.DEFAULT_TENANT;

    private Builder(String id) {
      this.id = id;
    }

    /** @param v the item's name @return this */
    public Builder name(String v) {
      name = v;
      return this;
    }

    /** @param v what the requester gets @return this */
    public Builder description(String v) {
      description = v;
      return this;
    }

    /** @param v a form field, added after the others @return this */
    public Builder field(FormField v) {
      fields.add(v);
      return this;
    }

    /** @param v a form field, added after the others @return this */
    public Builder field(FormField.Builder v) {
      return field(v.build());
    }

    /** @param v who approves; default none @return this */
    public Builder approval(RequestApproval v) {
      approval = v;
      return this;
    }

    /**
     * Adds tasks that run one after the other, each in a stage of its own, after the stages
     * already added.
     *
     * @param v the tasks
     * @return this
     */
    public Builder sequential(FulfilmentTask... v) {
      for (FulfilmentTask t : v) {
        int stage = nextStage();
        tasks.add(new FulfilmentTask(t.name(), t.group(), stage));
      }
      return this;
    }

    /**
     * Adds tasks that run at the same time, as one stage after the stages already added.
     *
     * @param v the tasks
     * @return this
     */
    public Builder parallel(FulfilmentTask... v) {
      int stage = nextStage();
      Arrays.stream(v).forEach(t -> tasks.add(new FulfilmentTask(t.name(), t.group(), stage)));
      return this;
    }

    /** @param v a task with its stage given, added as it is @return this */
    public Builder task(FulfilmentTask v) {
      tasks.add(v);
      return this;
    }

    private int nextStage() {
      return tasks.stream().mapToInt(FulfilmentTask::stage).max().orElse(0) + 1;
    }

    /**
     * @param processKey the key of a BPMN process deployed with the engine that fulfils the item
     *     instead of tasks (a call activity)
     * @return this
     */
    public Builder fulfilmentProcess(String processKey) {
      fulfilmentProcess = processKey;
      return this;
    }

    /**
     * @param within how long fulfilment may take, in business time
     * @param calendar the business calendar's name, e.g. {@code 24x7}
     * @return this
     */
    public Builder serviceLevel(Duration within, String calendar) {
      serviceLevelTarget = within;
      serviceLevelCalendar = calendar;
      return this;
    }

    /** @param within how long fulfilment may take, around the clock @return this */
    public Builder serviceLevel(Duration within) {
      return serviceLevel(within, DEFAULT_CALENDAR);
    }

    /** @param v what the requester is told on delivery @return this */
    public Builder deliveryNote(String v) {
      deliveryNote = v;
      return this;
    }

    /** @param v whether the item can no longer be requested @return this */
    public Builder retired(boolean v) {
      retired = v;
      return this;
    }

    /** @param v the version (set by the catalog and by stores) @return this */
    public Builder version(int v) {
      version = v;
      return this;
    }

    /**
     * @param at when the version was defined
     * @param by who defined it
     * @return this (set by the catalog and by stores)
     */
    public Builder defined(Instant at, String by) {
      definedAt = at;
      definedBy = by;
      return this;
    }

    /**
     * Sets the tenant whose catalog holds the item: used by the catalog and by stores (the catalog
     * replaces it with the defining actor's tenant).
     *
     * @param v a tenant id
     * @return this
     */
    public Builder tenant(String v) {
      tenant = v;
      return this;
    }

    /** @return the item */
    public CatalogItem build() {
      return new CatalogItem(id, version, name, description, fields, approval, tasks,
          fulfilmentProcess, serviceLevelTarget, serviceLevelCalendar, deliveryNote, retired,
          definedAt, definedBy, tenant);
    }
  }
}
