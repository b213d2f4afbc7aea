package dev.itsm.core.internal;

import dev.itsm.core.audit.FieldChange;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Lists the fields that differ between two versions of a record, flattening nested records into
 * dotted paths ({@code milestones.resolvedAt}). Internal: no compatibility guarantees.
 */
public final class RecordDiff {

  private RecordDiff() {}

  /**
   * @param before the old value, or {@code null} for a new record
   * @param after the new value
   * @param ignored top-level fields to leave out, e.g. {@code version}
   * @return the changed fields in declaration order
   */
  public static List<FieldChange> between(Record before, Record after, Set<String> ignored) {
    Map<String, String> old = new LinkedHashMap<>();
    Map<String, String> now = new LinkedHashMap<>();
    if (before != null) {
      flatten("", before, old, ignored);
    }
    flatten("", after, now, ignored);
    List<FieldChange> changes = new ArrayList<>();
    for (Map.Entry<String, String> e : now.entrySet()) {
      String was = old.get(e.getKey());
      if (!Objects.equals(was, e.getValue())) {
        changes.add(new FieldChange(e.getKey(), was, e.getValue()));
      }
    }
    return changes;
  }

  private static void flatten(String prefix, Record value, Map<String, String> out,
      Set<String> ignored) {
    for (RecordComponent c : value.getClass().getRecordComponents()) {
      String path = prefix + c.getName();
      if (ignored.contains(path)) {
        continue;
      }
      Object v;
      try {
        v = c.getAccessor().invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + path, e);
      }
      if (v instanceof Record nested) {
        flatten(path + ".", nested, out, ignored);
      } else {
        out.put(path, v == null ? null : v.toString());
      }
    }
  }
}
