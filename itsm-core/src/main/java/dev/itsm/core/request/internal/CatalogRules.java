package dev.itsm.core.request.internal;

import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.change.ApprovalPolicy;
import dev.itsm.core.request.CatalogFile;
import dev.itsm.core.request.CatalogItem;
import dev.itsm.core.request.FieldType;
import dev.itsm.core.request.FormField;
import dev.itsm.core.request.FulfilmentTask;
import dev.itsm.core.request.RequestApproval;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules of a catalog item definition, every problem reported with its path (e.g.
 * {@code fields[1].options}). Internal: no compatibility guarantees.
 */
final class CatalogRules {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,23}");
  static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
  static final int MAX_TASKS = 50;
  /** The longest definition a store keeps (the column's size). */
  static final int MAX_DEFINITION = 32000;

  private CatalogRules() {}

  /**
   * @param item the definition
   * @param prefix prepended to every path, e.g. {@code items[2].}; may be empty
   * @param calendars whether a business calendar of that name exists
   * @param processes whether a process of that key is deployed
   * @param problems where to add every broken rule
   */
  /** The most form fields an item may have. */
  static final int MAX_FIELDS = 100;
  /** The most options a CHOICE field may have. */
  static final int MAX_OPTIONS = 500;

  static void check(CatalogItem item, String prefix, Predicate<String> calendars,
      Predicate<String> processes, List<Violation> problems) {
    if (item.id() == null || !ID.matcher(item.id()).matches()) {
      problems.add(new Violation(prefix + "id", "Pattern", "must be 1 to 24 lower-case letters,"
          + " digits and dashes, starting with a letter or digit, e.g. laptop or vpn-access"));
    }
    text(item.name(), prefix + "name", true, 200, problems);
    text(item.description(), prefix + "description", false, 4000, problems);
    text(item.deliveryNote(), prefix + "deliveryNote", false, 4000, problems);
    if (item.fields().size() > MAX_FIELDS || item.tasks().size() > MAX_TASKS
        || item.fields().stream().anyMatch(f -> f != null && f.options().size() > MAX_OPTIONS)) {
      problems.add(new Violation(prefix + "fields", "Size", "an item has at most " + MAX_FIELDS
          + " fields of at most " + MAX_OPTIONS + " options each, and at most " + MAX_TASKS
          + " fulfilment tasks"));
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < item.fields().size(); i++) {
      FormField f = item.fields().get(i);
      String p = prefix + "fields[" + i + "]";
      if (f == null) {
        problems.add(new Violation(p, "NotNull", "must not be null"));
        continue;
      }
      if (f.name() == null || !FIELD_NAME.matcher(f.name()).matches()) {
        problems.add(new Violation(p + ".name", "Pattern", "must be a name of up to 64 letters,"
            + " digits and underscores starting with a letter, e.g. neededBy"));
      } else if (!names.add(f.name())) {
        problems.add(new Violation(p + ".name", "Unique", "'" + f.name()
            + "' is the name of an earlier field"));
      }
      field(f, p, problems);
    }
    approval(item.approval(), prefix + "approval", problems);
    boolean hasProcess = item.fulfilmentProcess() != null && !item.fulfilmentProcess().isBlank();
    if (hasProcess == !item.tasks().isEmpty()) {
      problems.add(new Violation(prefix + "tasks", "Fulfilment", hasProcess
          ? "must be empty when the item names its own fulfilment process"
          : "must name at least one fulfilment task, or the item must name its own fulfilment"
              + " process"));
    }
    if (hasProcess && !processes.test(item.fulfilmentProcess())) {
      problems.add(new Violation(prefix + "fulfilmentProcess", "Deployed", "no process with the"
          + " key '" + item.fulfilmentProcess() + "' is deployed; deploy it with"
          + " ItsmEngine.builder().fulfilmentProcess(path)"));
    }
    tasks(item.tasks(), prefix + "tasks", problems);
    if (item.serviceLevelTarget() != null && (item.serviceLevelTarget().isNegative()
        || item.serviceLevelTarget().isZero())) {
      problems.add(new Violation(prefix + "serviceLevelTarget", "Positive", "must be positive, was "
          + item.serviceLevelTarget()));
    }
    if (item.serviceLevelTarget() != null && !calendars.test(item.serviceLevelCalendar())) {
      problems.add(new Violation(prefix + "serviceLevelCalendar", "Exists", "no business calendar"
          + " named '" + item.serviceLevelCalendar() + "'; register it with the service levels"
          + " (ServiceLevels.builder().calendars(...))"));
    }
    int size = CatalogFile.write(item).length();
    if (size > MAX_DEFINITION) {
      problems.add(new Violation(prefix + "fields", "DefinitionSize", "the definition takes "
          + size + " characters as JSON, more than " + MAX_DEFINITION + ": shorten the texts or"
          + " drop fields"));
    }
  }

  private static void field(FormField f, String p, List<Violation> problems) {
    text(f.label(), p + ".label", false, 200, problems);
    text(f.message(), p + ".message", false, 500, problems);
    if (f.type() == null) {
      problems.add(new Violation(p + ".type", "NotNull", "must be one of "
          + List.of(FieldType.values())));
      return;
    }
    FieldType t = f.type();
    onlyFor(f.minLength() != null, t == FieldType.TEXT, p + ".minLength", "TEXT", t, problems);
    onlyFor(f.maxLength() != null, t == FieldType.TEXT, p + ".maxLength", "TEXT", t, problems);
    onlyFor(f.pattern() != null, t == FieldType.TEXT, p + ".pattern", "TEXT", t, problems);
    onlyFor(f.min() != null, t == FieldType.NUMBER, p + ".min", "NUMBER", t, problems);
    onlyFor(f.max() != null, t == FieldType.NUMBER, p + ".max", "NUMBER", t, problems);
    onlyFor(!f.options().isEmpty(), t == FieldType.CHOICE, p + ".options", "CHOICE", t,
        problems);
    if (f.minLength() != null && f.minLength() < 0) {
      problems.add(new Violation(p + ".minLength", "Min", "must not be negative"));
    }
    if (f.maxLength() != null && (f.maxLength() < 1 || f.maxLength() > Forms.MAX_VALUE_LENGTH)) {
      problems.add(new Violation(p + ".maxLength", "Range", "must be 1.." + Forms.MAX_VALUE_LENGTH));
    }
    if (f.minLength() != null && f.maxLength() != null && f.minLength() > f.maxLength()) {
      problems.add(new Violation(p + ".minLength", "NotAboveMax", "must not be above maxLength "
          + f.maxLength()));
    }
    if (f.min() != null && f.max() != null && f.min().compareTo(f.max()) > 0) {
      problems.add(new Violation(p + ".min", "NotAboveMax", "must not be above max "
          + f.max().toPlainString()));
    }
    if (f.pattern() != null) {
      try {
        Pattern.compile(f.pattern());
      } catch (PatternSyntaxException e) {
        problems.add(new Violation(p + ".pattern", "Regex", "is not a regular expression: "
            + e.getDescription()));
      }
    }
    if (t == FieldType.CHOICE) {
      if (f.options().isEmpty()) {
        problems.add(new Violation(p + ".options", "NotEmpty", "must list the values a CHOICE"
            + " field allows"));
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < f.options().size(); i++) {
        String o = f.options().get(i);
        if (o == null || o.isBlank() || !o.equals(o.strip())) {
          problems.add(new Violation(p + ".options[" + i + "]", "NotBlank", "must be text"
              + " without surrounding blanks"));
        } else if (!seen.add(o)) {
          problems.add(new Violation(p + ".options[" + i + "]", "Unique", "'" + o
              + "' is listed twice"));
        }
      }
    }
  }

  private static void onlyFor(boolean given, boolean allowed, String path, String type,
      FieldType actual, List<Violation> problems) {
    if (given && !allowed) {
      problems.add(new Violation(path, "NotForType", "applies to " + type + " fields only, not "
          + actual));
    }
  }

  private static void approval(RequestApproval a, String p, List<Violation> problems) {
    boolean group = a.group() != null && !a.group().isBlank();
    switch (a.kind()) {
      case GROUP -> {
        if (!group) {
          problems.add(new Violation(p + ".group", "NotBlank", "must name the approver group"));
        } else {
          text(a.group(), p + ".group", true, 100, problems);
        }
      }
      case NONE, MANAGER -> {
        if (group) {
          problems.add(new Violation(p + ".group", "NotForKind", "applies to GROUP approval"
              + " only, not " + a.kind()));
        }
        if (!a.policy().equals(ApprovalPolicy.any())) {
          problems.add(new Violation(p + ".policy", "NotForKind", "applies to GROUP approval"
              + " only; " + a.kind() + " approval is one decision"));
        }
      }
      default -> throw new IllegalStateException("unknown approval " + a.kind());
    }
  }

  private static void tasks(List<FulfilmentTask> tasks, String p, List<Violation> problems) {
    if (tasks.size() > MAX_TASKS) {
      problems.add(new Violation(p, "Size", "must have at most " + MAX_TASKS + " tasks"));
    }
    int previousStage = 1;
    Set<Integer> stages = new HashSet<>();
    for (int i = 0; i < tasks.size(); i++) {
      FulfilmentTask t = tasks.get(i);
      String tp = p + "[" + i + "]";
      if (t == null) {
        problems.add(new Violation(tp, "NotNull", "must not be null"));
        continue;
      }
      text(t.name(), tp + ".name", true, 200, problems);
      text(t.group(), tp + ".group", true, 100, problems);
      if (t.stage() < 1) {
        problems.add(new Violation(tp + ".stage", "Min", "must be at least 1"));
        continue;
      }
      if (t.stage() > MAX_TASKS) {
        // stages are numbered without gaps, so there are at most as many stages as tasks
        problems.add(new Violation(tp + ".stage", "Max", "must be at most " + MAX_TASKS));
        continue;
      }
      stages.add(t.stage());
      if (t.stage() < previousStage) {
        problems.add(new Violation(tp + ".stage", "Order", "must not be below the stage of the"
            + " task before it (" + previousStage + "): list the tasks stage by stage"));
      } else {
        previousStage = t.stage();
      }
    }
    int last = stages.stream().mapToInt(Integer::intValue).max().orElse(0);
    for (int s = 1; s <= last; s++) {
      if (!stages.isEmpty() && !stages.contains(s)) {
        problems.add(new Violation(p, "Stages", "stage " + s + " has no task: number the stages"
            + " 1, 2, 3 without gaps"));
        break;
      }
    }
  }

  private static void text(String value, String path, boolean required, int max,
      List<Violation> problems) {
    if (value == null || value.isBlank()) {
      if (required) {
        problems.add(new Violation(path, "NotBlank", "must not be blank"));
      }
    } else if (value.length() > max) {
      problems.add(new Violation(path, "Size", "must be at most " + max + " characters"));
    }
  }
}
