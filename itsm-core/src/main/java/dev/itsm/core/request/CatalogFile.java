package dev.itsm.core.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.itsm.core.ValidationException;
import dev.itsm.core.ValidationException.Violation;
import dev.itsm.core.change.ApprovalPolicy;
import dev.itsm.core.change.RejectionRule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The declarative catalog file: a JSON array of items, each an object with these properties
 * (unknown properties are refused, so a typo does not pass silently):
 *
 * <pre>{@code
 * [ { "id": "laptop", "name": "Standard laptop", "description": "14-inch business laptop",
 *     "fields": [
 *       { "name": "model", "label": "Model", "type": "CHOICE", "options": ["14-inch", "16-inch"],
 *         "required": true, "message": "Choose the 14-inch or the 16-inch model" },
 *       { "name": "ram", "type": "NUMBER", "min": 8, "max": 64 },
 *       { "name": "neededBy", "type": "DATE" },
 *       { "name": "justification", "type": "TEXT", "minLength": 10, "maxLength": 500,
 *         "pattern": ".*\\S.*" },
 *       { "name": "dock", "type": "BOOLEAN" } ],
 *     "approval": { "by": "MANAGER" },
 *     "fulfilment": { "order": "SEQUENTIAL", "tasks": [
 *       { "name": "Order hardware", "group": "procurement" },
 *       { "name": "Image and hand over", "group": "desktop-support" } ] },
 *     "serviceLevel": { "within": "P5D", "calendar": "24x7" },
 *     "deliveryNote": "Your laptop is ready at the IT desk" } ]
 * }</pre>
 *
 * <ul>
 *   <li>{@code approval.by}: {@code NONE} (default), {@code MANAGER}, or {@code GROUP} with
 *       {@code group}, {@code policy} ({@code ANY}, {@code ALL}, {@code QUORUM:2},
 *       {@code QUORUM:60%}; default ANY) and {@code rejectionRule} ({@code FIRST_REJECTION},
 *       default, or {@code WHEN_APPROVAL_IMPOSSIBLE});</li>
 *   <li>{@code fulfilment}: {@code order} {@code SEQUENTIAL} (default) or {@code PARALLEL} with
 *       {@code tasks}; or {@code tasks} each with a {@code stage} (1, 2, ...: tasks of a stage run
 *       at the same time, stages one after the other); or {@code process}, the key of the item's
 *       own BPMN process;</li>
 *   <li>{@code serviceLevel.within}: an ISO-8601 duration such as {@code P5D} or {@code PT8H}.</li>
 * </ul>
 *
 * <p>Reading checks the file's shape (types, names, JSON syntax); the catalog checks each item's
 * rules when it is defined. Stores use {@link #write(CatalogItem)} and {@link #readItem} to keep a
 * version's definition in this format.
 */
public final class CatalogFile {

  private static final Set<String> ITEM_KEYS = Set.of("id", "name", "description", "fields",
      "approval", "fulfilment", "serviceLevel", "deliveryNote", "retired");
  private static final Set<String> FIELD_KEYS = Set.of("name", "label", "type", "required",
      "minLength", "maxLength", "min", "max", "pattern", "options", "message");
  private static final Set<String> APPROVAL_KEYS = Set.of("by", "group", "policy",
      "rejectionRule");
  private static final Set<String> FULFILMENT_KEYS = Set.of("order", "tasks", "process");
  private static final Set<String> TASK_KEYS = Set.of("name", "group", "stage");
  private static final Set<String> LEVEL_KEYS = Set.of("within", "calendar");

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private CatalogFile() {}

  /**
   * @param file a catalog file
   * @return its items, in file order
   * @throws ValidationException naming the file and every problem
   */
  public static List<CatalogItem> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ValidationException("catalog file " + file, List.of(new Violation("file",
          "Readable", "cannot be read: " + e.getMessage())));
    }
    return read(file.toString(), text);
  }

  /**
   * @param source where the text comes from, for messages
   * @param json the catalog as a JSON array of items
   * @return its items, in order
   * @throws ValidationException naming the source and every problem, e.g.
   *     {@code items[1].fields[0].type}
   */
  public static List<CatalogItem> read(String source, String json) {
    String command = "catalog file " + source;
    JsonNode root = parse(command, json);
    List<Violation> problems = new ArrayList<>();
    List<CatalogItem> items = new ArrayList<>();
    if (root == null || !root.isArray()) {
      throw new ValidationException(command, List.of(new Violation("items", "Array",
          "must be a JSON array of catalog items")));
    }
    for (int i = 0; i < root.size(); i++) {
      CatalogItem item = item(root.get(i), "items[" + i + "]", problems);
      if (item != null) {
        items.add(item);
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(command, problems);
    }
    return items;
  }

  /**
   * @param json one item as written by {@link #write(CatalogItem)}
   * @return the item (without version, time and author)
   * @throws ValidationException when it is not a valid item
   */
  public static CatalogItem readItem(String json) {
    JsonNode root = parse("catalog item", json);
    List<Violation> problems = new ArrayList<>();
    CatalogItem item = item(root, "item", problems);
    if (!problems.isEmpty()) {
      throw new ValidationException("catalog item", problems);
    }
    return item;
  }

  /**
   * @param item an item
   * @return its definition as JSON in the file's format (stages explicit; version, time and author
   *     left out)
   */
  public static String write(CatalogItem item) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", item.id());
    n.put("name", item.name());
    putIfSet(n, "description", item.description());
    ArrayNode fields = n.putArray("fields");
    for (FormField f : item.fields()) {
      ObjectNode o = fields.addObject();
      o.put("name", f.name());
      putIfSet(o, "label", f.label());
      o.put("type", f.type() == null ? null : f.type().name());
      if (f.required()) {
        o.put("required", true);
      }
      if (f.minLength() != null) {
        o.put("minLength", f.minLength());
      }
      if (f.maxLength() != null) {
        o.put("maxLength", f.maxLength());
      }
      if (f.min() != null) {
        o.put("min", f.min());
      }
      if (f.max() != null) {
        o.put("max", f.max());
      }
      putIfSet(o, "pattern", f.pattern());
      if (!f.options().isEmpty()) {
        ArrayNode options = o.putArray("options");
        f.options().forEach(options::add);
      }
      putIfSet(o, "message", f.message());
    }
    RequestApproval a = item.approval();
    ObjectNode approval = n.putObject("approval");
    approval.put("by", a.kind().name());
    if (a.kind() == RequestApproval.Kind.GROUP) {
      approval.put("group", a.group());
      approval.put("policy", a.policy().toString());
    }
    if (a.rejectionRule() != RejectionRule.FIRST_REJECTION) {
      approval.put("rejectionRule", a.rejectionRule().name());
    }
    ObjectNode fulfilment = n.putObject("fulfilment");
    putIfSet(fulfilment, "process", item.fulfilmentProcess());
    if (!item.tasks().isEmpty()) {
      ArrayNode tasks = fulfilment.putArray("tasks");
      for (FulfilmentTask t : item.tasks()) {
        tasks.addObject().put("name", t.name()).put("group", t.group()).put("stage", t.stage());
      }
    }
    if (item.serviceLevelTarget() != null) {
      n.putObject("serviceLevel").put("within", item.serviceLevelTarget().toString())
          .put("calendar", item.serviceLevelCalendar());
    }
    putIfSet(n, "deliveryNote", item.deliveryNote());
    if (item.retired()) {
      n.put("retired", true);
    }
    return n.toString();
  }

  private static void putIfSet(ObjectNode n, String key, String value) {
    if (value != null) {
      n.put(key, value);
    }
  }

  private static JsonNode parse(String command, String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ValidationException(command, List.of(new Violation("json", "Syntax",
          "is not valid JSON: " + e.getOriginalMessage() + " (line "
              + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")")));
    }
  }

  // -------------------------------------------------------------------------------- reading

  private static CatalogItem item(JsonNode n, String path, List<Violation> problems) {
    if (!object(n, path, ITEM_KEYS, problems)) {
      return null;
    }
    CatalogItem.Builder b = CatalogItem.builder(text(n, "id", path, problems))
        .name(text(n, "name", path, problems))
        .description(text(n, "description", path, problems))
        .deliveryNote(text(n, "deliveryNote", path, problems))
        .retired(Boolean.TRUE.equals(bool(n, "retired", path, problems)));
    JsonNode fields = n.get("fields");
    if (array(fields, path + ".fields", problems)) {
      for (int i = 0; i < fields.size(); i++) {
        FormField f = field(fields.get(i), path + ".fields[" + i + "]", problems);
        if (f != null) {
          b.field(f);
        }
      }
    }
    JsonNode approval = n.get("approval");
    if (approval != null && object(approval, path + ".approval", APPROVAL_KEYS, problems)) {
      b.approval(approval(approval, path + ".approval", problems));
    }
    JsonNode fulfilment = n.get("fulfilment");
    if (fulfilment != null
        && object(fulfilment, path + ".fulfilment", FULFILMENT_KEYS, problems)) {
      fulfilment(fulfilment, path + ".fulfilment", b, problems);
    }
    JsonNode level = n.get("serviceLevel");
    if (level != null && object(level, path + ".serviceLevel", LEVEL_KEYS, problems)) {
      String within = text(level, "within", path + ".serviceLevel", problems);
      String calendar = text(level, "calendar", path + ".serviceLevel", problems);
      if (within == null) {
        problems.add(new Violation(path + ".serviceLevel.within", "NotNull",
            "must be an ISO-8601 duration such as P5D or PT8H"));
      } else {
        try {
          b.serviceLevel(Duration.parse(within), calendar);
        } catch (DateTimeParseException e) {
          problems.add(new Violation(path + ".serviceLevel.within", "Duration", "'" + within
              + "' is not an ISO-8601 duration such as P5D or PT8H"));
        }
      }
    }
    return b.build();
  }

  private static FormField field(JsonNode n, String path, List<Violation> problems) {
    if (!object(n, path, FIELD_KEYS, problems)) {
      return null;
    }
    FieldType type = enumValue(n, "type", FieldType.class, path, problems);
    FormField.Builder f = FormField.of(text(n, "name", path, problems), type)
        .label(text(n, "label", path, problems))
        .required(Boolean.TRUE.equals(bool(n, "required", path, problems)))
        .pattern(text(n, "pattern", path, problems))
        .message(text(n, "message", path, problems));
    Integer minLength = integer(n, "minLength", path, problems);
    Integer maxLength = integer(n, "maxLength", path, problems);
    if (minLength != null) {
      f.minLength(minLength);
    }
    if (maxLength != null) {
      f.maxLength(maxLength);
    }
    f.min(decimal(n, "min", path, problems)).max(decimal(n, "max", path, problems));
    JsonNode options = n.get("options");
    if (options != null && array(options, path + ".options", problems)) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < options.size(); i++) {
        JsonNode o = options.get(i);
        if (o.isTextual()) {
          values.add(o.asText());
        } else {
          problems.add(new Violation(path + ".options[" + i + "]", "Type", "must be text"));
        }
      }
      f.options(values.toArray(String[]::new));
    }
    return f.build();
  }

  private static RequestApproval approval(JsonNode n, String path, List<Violation> problems) {
    RequestApproval.Kind by = enumValue(n, "by", RequestApproval.Kind.class, path, problems);
    String group = text(n, "group", path, problems);
    String policyText = text(n, "policy", path, problems);
    ApprovalPolicy policy = null;
    if (policyText != null) {
      try {
        policy = ApprovalPolicy.parse(policyText);
      } catch (IllegalArgumentException e) {
        problems.add(new Violation(path + ".policy", "ApprovalPolicy", e.getMessage()));
      }
    }
    RejectionRule rule = enumValue(n, "rejectionRule", RejectionRule.class, path, problems);
    return new RequestApproval(by, group, policy, rule);
  }

  private static void fulfilment(JsonNode n, String path, CatalogItem.Builder b,
      List<Violation> problems) {
    b.fulfilmentProcess(text(n, "process", path, problems));
    FulfilmentOrder order = enumValue(n, "order", FulfilmentOrder.class, path, problems);
    JsonNode tasks = n.get("tasks");
    if (tasks == null || !array(tasks, path + ".tasks", problems)) {
      return;
    }
    List<FulfilmentTask> parsed = new ArrayList<>();
    boolean staged = false;
    for (int i = 0; i < tasks.size(); i++) {
      String p = path + ".tasks[" + i + "]";
      JsonNode t = tasks.get(i);
      if (!object(t, p, TASK_KEYS, problems)) {
        continue;
      }
      Integer stage = integer(t, "stage", p, problems);
      staged |= stage != null;
      parsed.add(new FulfilmentTask(text(t, "name", p, problems), text(t, "group", p, problems),
          stage == null ? 0 : stage));
    }
    if (staged) {
      if (order != null && order != FulfilmentOrder.STAGED) {
        problems.add(new Violation(path + ".order", "Stages", "must be left out (or STAGED) when"
            + " the tasks name their stages"));
      }
      parsed.forEach(b::task);
    } else if (order == FulfilmentOrder.PARALLEL) {
      b.parallel(parsed.toArray(FulfilmentTask[]::new));
    } else if (order == FulfilmentOrder.STAGED) {
      problems.add(new Violation(path + ".order", "Stages", "STAGED needs a stage on every task"));
    } else {
      b.sequential(parsed.toArray(FulfilmentTask[]::new));
    }
  }

  // ------------------------------------------------------------------------------- values

  private static boolean object(JsonNode n, String path, Set<String> keys,
      List<Violation> problems) {
    if (n == null || !n.isObject()) {
      problems.add(new Violation(path, "Object", "must be a JSON object"));
      return false;
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!keys.contains(key)) {
        problems.add(new Violation(path + "." + key, "Unknown", "is not a property here; known: "
            + keys.stream().sorted().toList()));
      }
    }
    return true;
  }

  private static boolean array(JsonNode n, String path, List<Violation> problems) {
    if (n == null || n.isNull()) {
      return false;
    }
    if (!n.isArray()) {
      problems.add(new Violation(path, "Array", "must be a JSON array"));
      return false;
    }
    return true;
  }

  private static String text(JsonNode n, String key, String path, List<Violation> problems) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      problems.add(new Violation(path + "." + key, "Type", "must be text"));
      return null;
    }
    return v.asText();
  }

  private static Boolean bool(JsonNode n, String key, String path, List<Violation> problems) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      problems.add(new Violation(path + "." + key, "Type", "must be true or false"));
      return null;
    }
    return v.asBoolean();
  }

  private static Integer integer(JsonNode n, String key, String path, List<Violation> problems) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      problems.add(new Violation(path + "." + key, "Type", "must be a whole number"));
      return null;
    }
    return v.asInt();
  }

  private static BigDecimal decimal(JsonNode n, String key, String path,
      List<Violation> problems) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      problems.add(new Violation(path + "." + key, "Type", "must be a number"));
      return null;
    }
    return v.decimalValue();
  }

  private static <E extends Enum<E>> E enumValue(JsonNode n, String key, Class<E> type,
      String path, List<Violation> problems) {
    String v = text(n, key, path, problems);
    if (v == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(new Violation(path + "." + key, "OneOf", "'" + v + "' must be one of "
          + List.of(type.getEnumConstants())));
      return null;
    }
  }
}
