package dev.itsm.core.request;

import dev.itsm.core.Actor;
import dev.itsm.core.change.ApprovalPolicy;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service request ({@code REQ0000001}): who asked for which catalog item (in which version), for
 * whom, with which form values and quantity, its approval and its fulfilment tasks. Immutable; the
 * API returns a new one after every change. The timeline, audit trail and approver decisions are
 * read separately ({@link RequestService#timeline}, {@link RequestService#auditTrail},
 * {@link RequestService#decisions}).
 *
 * @param number the request number, e.g. {@code REQ0000001}
 * @param version optimistic-locking version, 1 on submission
 * @param state the current state
 * @param item the catalog item's id
 * @param itemVersion the version of the catalog item it was made with (kept to the end)
 * @param itemName the item's name in that version
 * @param requestedBy who submitted it (the acting user)
 * @param requestedFor who it is for (the requester when not given)
 * @param form the form's values by field name, validated and in canonical text form (see {@link FieldType}), in form order; fields left empty are absent
 * @param quantity how many, at least 1
 * @param comment the requester's comment, or {@code null}
 * @param approvalKind who approves: nobody, the requester's manager, or a group
 * @param approver {@link RequestApproval.Kind#MANAGER}: the manager who decides, else {@code null}
 * @param approverGroup {@link RequestApproval.Kind#GROUP}: the group whose members decide, else {@code null}
 * @param approvalPolicy how many approvals are needed, or {@code null} without approval
 * @param eligibleApprovers approvers who may decide (segregation of duties applied), -1 when unknown, 0 without approval
 * @param tasks the fulfilment tasks, in the item's order (empty when the item runs its own process)
 * @param fulfilmentProcess the key of the item's own fulfilment process, or {@code null}
 * @param submittedAt when it was submitted
 * @param approvedAt when it was approved, or {@code null}
 * @param rejectedAt when it was rejected, or {@code null}
 * @param fulfilmentStartedAt when fulfilment began, or {@code null}
 * @param fulfilledAt when it was fulfilled, or {@code null}
 * @param closedAt when it closed, or {@code null}
 * @param cancelledAt when it was cancelled, or {@code null}
 * @param tenant the tenant the request belongs to (the requester's); {@code null} means
 *     {@link Actor#DEFAULT_TENANT}
 */
public record Request(
    String number,
    long version,
    RequestState state,
    String item,
    int itemVersion,
    String itemName,
    String requestedBy,
    String requestedFor,
    Map<String, String> form,
    int quantity,
    String comment,
    RequestApproval.Kind approvalKind,
    String approver,
    String approverGroup,
    ApprovalPolicy approvalPolicy,
    int eligibleApprovers,
    List<RequestTask> tasks,
    String fulfilmentProcess,
    Instant submittedAt,
    Instant approvedAt,
    Instant rejectedAt,
    Instant fulfilmentStartedAt,
    Instant fulfilledAt,
    Instant closedAt,
    Instant cancelledAt,
    String tenant) {

  /** Copies the form (keeping its order) and the tasks; fills the default tenant. */
  public Request {
    tenant = tenant == null ? Actor.DEFAULT_TENANT : tenant;
    form = form == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(form));
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
  }

  /** @return a builder with every field empty */
  public static Builder builder() {
    return new Builder();
  }

  /** @param taskNumber a task's number @return the task */
  public Optional<RequestTask> task(int taskNumber) {
    return tasks.stream().filter(t -> t.number() == taskNumber).findFirst();
  }

  /** @return a builder holding this record's fields */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.number = number;
    b.version = version;
    b.state = state;
    b.item = item;
    b.itemVersion = itemVersion;
    b.itemName = itemName;
    b.requestedBy = requestedBy;
    b.requestedFor = requestedFor;
    b.form = form;
    b.quantity = quantity;
    b.comment = comment;
    b.approvalKind = approvalKind;
    b.approver = approver;
    b.approverGroup = approverGroup;
    b.approvalPolicy = approvalPolicy;
    b.eligibleApprovers = eligibleApprovers;
    b.tasks = tasks;
    b.fulfilmentProcess = fulfilmentProcess;
    b.submittedAt = submittedAt;
    b.approvedAt = approvedAt;
    b.rejectedAt = rejectedAt;
    b.fulfilmentStartedAt = fulfilmentStartedAt;
    b.fulfilledAt = fulfilledAt;
    b.closedAt = closedAt;
    b.cancelledAt = cancelledAt;
    b.tenant = tenant;
    return b;
  }

  /** Builds {@link Request} records (used by the library and by stores). */
  public static final class Builder {
    private String number;
    private long version;
    private RequestState state;
    private String item;
    private int itemVersion;
    private String itemName;
    private String requestedBy;
    private String requestedFor;
    private Map<String, String> form;
    private int quantity;
    private String comment;
    private RequestApproval.Kind approvalKind;
    private String approver;
    private String approverGroup;
    private ApprovalPolicy approvalPolicy;
    private int eligibleApprovers = -1;
    private List<RequestTask> tasks;
    private String fulfilmentProcess;
    private Instant submittedAt;
    private Instant approvedAt;
    private Instant rejectedAt;
    private Instant fulfilmentStartedAt;
    private Instant fulfilledAt;
    private Instant closedAt;
    private Instant cancelledAt;
    private String tenant = Actor.DEFAULT_TENANT;

    private Builder() {}

    /** @param v the request number, e.g. {@code REQ0000001} @return this */
    public Builder number(String v) {
      number = v;
      return this;
    }

    /** @param v optimistic-locking version, 1 on submission @return this */
    public Builder version(long v) {
      version = v;
      return this;
    }

    /** @param v the current state @return this */
    public Builder state(RequestState v) {
      state = v;
      return this;
    }

    /** @param v the catalog item's id @return this */
    public Builder item(String v) {
      item = v;
      return this;
    }

    /** @param v the version of the catalog item it was made with (kept to the end) @return this */
    public Builder itemVersion(int v) {
      itemVersion = v;
      return this;
    }

    /** @param v the item's name in that version @return this */
    public Builder itemName(String v) {
      itemName = v;
      return this;
    }

    /** @param v who submitted it (the acting user) @return this */
    public Builder requestedBy(String v) {
      requestedBy = v;
      return this;
    }

    /** @param v who it is for (the requester when not given) @return this */
    public Builder requestedFor(String v) {
      requestedFor = v;
      return this;
    }

    /** @param v the form's values by field name, validated and in canonical text form (see {@link FieldType}), in form order; fields left empty are absent @return this */
    public Builder form(Map<String, String> v) {
      form = v;
      return this;
    }

    /** @param v how many, at least 1 @return this */
    public Builder quantity(int v) {
      quantity = v;
      return this;
    }

    /** @param v the requester's comment, or {@code null} @return this */
    public Builder comment(String v) {
      comment = v;
      return this;
    }

    /** @param v who approves: nobody, the requester's manager, or a group @return this */
    public Builder approvalKind(RequestApproval.Kind v) {
      approvalKind = v;
      return this;
    }

    /** @param v {@link RequestApproval.Kind#MANAGER}: the manager who decides, else {@code null} @return this */
    public Builder approver(String v) {
      approver = v;
      return this;
    }

    /** @param v {@link RequestApproval.Kind#GROUP}: the group whose members decide, else {@code null} @return this */
    public Builder approverGroup(String v) {
      approverGroup = v;
      return this;
    }

    /** @param v how many approvals are needed, or {@code null} without approval @return this */
    public Builder approvalPolicy(ApprovalPolicy v) {
      approvalPolicy = v;
      return this;
    }

    /** @param v approvers who may decide (segregation of duties applied), -1 when unknown, 0 without approval @return this */
    public Builder eligibleApprovers(int v) {
      eligibleApprovers = v;
      return this;
    }

    /** @param v the fulfilment tasks, in the item's order (empty when the item runs its own process) @return this */
    public Builder tasks(List<RequestTask> v) {
      tasks = v;
      return this;
    }

    /** @param v the key of the item's own fulfilment process, or {@code null} @return this */
    public Builder fulfilmentProcess(String v) {
      fulfilmentProcess = v;
      return this;
    }

    /** @param v when it was submitted @return this */
    public Builder submittedAt(Instant v) {
      submittedAt = v;
      return this;
    }

    /** @param v when it was approved, or {@code null} @return this */
    public Builder approvedAt(Instant v) {
      approvedAt = v;
      return this;
    }

    /** @param v when it was rejected, or {@code null} @return this */
    public Builder rejectedAt(Instant v) {
      rejectedAt = v;
      return this;
    }

    /** @param v when fulfilment began, or {@code null} @return this */
    public Builder fulfilmentStartedAt(Instant v) {
      fulfilmentStartedAt = v;
      return this;
    }

    /** @param v when it was fulfilled, or {@code null} @return this */
    public Builder fulfilledAt(Instant v) {
      fulfilledAt = v;
      return this;
    }

    /** @param v when it closed, or {@code null} @return this */
    public Builder closedAt(Instant v) {
      closedAt = v;
      return this;
    }

    /** @param v when it was cancelled, or {@code null} @return this */
    public Builder cancelledAt(Instant v) {
      cancelledAt = v;
      return this;
    }

    /** @param v the tenant the request belongs to @return this */
    public Builder tenant(String v) {
      tenant = v;
      return this;
    }

    /** @return the record */
    public Request build() {
      return new Request(number, version, state, item, itemVersion, itemName, requestedBy,
          requestedFor, form, quantity, comment, approvalKind, approver, approverGroup,
          approvalPolicy, eligibleApprovers, tasks, fulfilmentProcess, submittedAt, approvedAt,
          rejectedAt, fulfilmentStartedAt, fulfilledAt, closedAt, cancelledAt, tenant);
    }
  }
}
