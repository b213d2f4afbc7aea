package dev.itsm.core.access;

import java.util.Objects;
import java.util.Set;

/**
 * The facts about a record that an access decision may depend on. Built by the library from the
 * stored record before every call on it.
 *
 * @param kind the kind of record
 * @param number the record's number (or catalog item id); {@code null} for a record being created
 * @param tenant the record's tenant
 * @param owners the users the record belongs to: an incident's caller, a change's requester, a
 *     request's requester and the user it is for (may be empty)
 * @param groups the groups working the record: an incident's or problem's assignment group, the
 *     groups of a request's open fulfilment tasks (may be empty); their members hold
 *     {@link Role#RESOLVER} for this record
 * @param workers the users working the record: an incident's or problem's assignee, a change's
 *     owner and implementer, the assignees of a request's tasks (may be empty); they hold
 *     {@link Role#RESOLVER} for this record
 * @param record the record itself ({@code Incident}, {@code Change}, ...) for custom policies
 */
public record AccessTarget(RecordKind kind, String number, String tenant, Set<String> owners,
    Set<String> groups, Set<String> workers, Object record) {

  /** Checks and copies the arguments. */
  public AccessTarget {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(tenant, "tenant");
    owners = copy(owners);
    groups = copy(groups);
    workers = copy(workers);
  }

  private static Set<String> copy(Set<String> values) {
    return values == null ? Set.of()
        : Set.copyOf(values.stream().filter(Objects::nonNull).toList());
  }
}
