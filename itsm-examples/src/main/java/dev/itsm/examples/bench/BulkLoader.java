package dev.itsm.examples.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a year of a service desk's incidents straight into {@code itsm_incident} with JDBC batch
 * inserts, for the work-queue part of the benchmark: loading them one by one through the API
 * would take longer than the whole benchmark may. The rows are what the API would have stored:
 * numbers from the incident sequence (which is moved past them), the ITIL priority of impact and
 * urgency, due times from the default service levels, milestones consistent with the state.
 * Only the incident rows are written (no timeline, audit, clocks or process instances): the
 * queue queries read nothing else.
 *
 * <p>The mix: 90 % closed, 3 % cancelled, 2 % resolved and 5 % open (new, in progress, on hold)
 * over the last 365 days, the open ones opened in the last 10 days; 10 assignment groups; one
 * caller per 5 incidents; titles and descriptions from a vocabulary of everyday incidents.
 */
final class BulkLoader {

  /** The assignment groups of the loaded incidents. */
  static final List<String> GROUPS = List.of("network", "desktop", "messaging", "database",
      "security", "storage", "identity", "telephony", "applications", "service-desk");

  /** Words that occur in about one title in 40 (the vocabulary has 40 titles). */
  static final List<String> COMMON_WORDS = List.of("vpn", "printer", "outlook", "password",
      "disk", "wifi", "laptop", "badge");

  private static final String[] TITLES = {
      "VPN drops every few minutes", "Printer on floor %d is offline", "Outlook cannot connect",
      "Password reset for %s", "Disk almost full on %s", "WiFi unstable in building %d",
      "Laptop very slow after update", "Badge reader at entrance %d rejects cards",
      "Cannot log in to %s", "Application %s crashes on start", "Shared drive not reachable",
      "Teams calls drop after a minute", "Phone has no dial tone at desk %d",
      "Monitor flickers at desk %d", "Cannot open attachments in mail", "Backup job failed on %s",
      "Database %s responds slowly", "Certificate expired on %s", "Account locked for %s",
      "Keyboard not working", "Mailbox full", "New starter needs access to %s",
      "Payroll report missing", "Web shop checkout error", "Scanner sends empty pages",
      "Projector in room %d does not start", "Timesheet app shows error 500",
      "Cannot install software on laptop", "Network port %d dead", "Calendar not syncing on phone",
      "File server %s out of space", "Server %s not responding to ping", "License expired for %s",
      "Invoice PDF cannot be generated", "Docking station not detected", "Headset has no sound",
      "Firewall blocks access to %s", "Printer jams on every job", "Slow internet at branch %d",
      "Mobile device enrolment fails"};

  private static final String[] SENTENCES = {
      "Started this morning after the weekly update.", "Affects the whole team on floor %d.",
      "User tried a restart, no change.", "Error code 0x%04x shown on screen.",
      "Happens only when connected through the VPN.", "Other colleagues are fine.",
      "Urgent: customer meeting at %d o'clock.", "Logs attached from host %s.",
      "Same issue was reported last month.", "Workaround: using the web client for now.",
      "It worked yesterday until about %d pm.", "The message says access denied.",
      "Cable and power were checked.", "Only happens with large files.",
      "Reported by phone to the service desk."};

  private static final String[] SYSTEMS = {"SAP", "CRM", "HR portal", "Jira", "Confluence",
      "Salesforce", "payroll", "intranet", "ERP", "BI dashboard"};

  private static final String COLUMNS = "record_number, row_version, state, title, description,"
      + " caller, channel, category, subcategory, service, configuration_item, impact, urgency,"
      + " priority, assignment_group, assignee, hold_reason, resolution_code, resolution_notes,"
      + " reassignment_count, reopen_count, opened_at, acknowledged_at, on_hold_since,"
      + " resolved_at, closed_at, cancelled_at, response_due, resolution_due,"
      + " response_breached_at, resolution_breached_at";

  private static final String[] CHANNELS = {"PHONE", "EMAIL", "PORTAL", "CHAT", "WALK_IN",
      "MONITORING"};

  private BulkLoader() {}

  /** @return the caller ids of a load of {@code count} incidents: one per 5 incidents */
  static int callers(int count) {
    return Math.max(100, count / 5);
  }

  static String caller(int k) {
    return String.format("user%06d", k);
  }

  /**
   * Inserts {@code count} incidents, committing every 10,000 rows.
   *
   * @param c a connection to the engine's database (auto-commit off), not used by anyone else
   * @param count how many
   * @param now the load's "now": incidents are opened in the year before it
   * @param seed the random seed, for the same data on every run
   * @return the number of the first incident loaded
   */
  static long load(Connection c, int count, Instant now, long seed) throws SQLException {
    long first;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(nextValueSql(c))) {
      rs.next();
      first = rs.getLong(1);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int callers = callers(count);
    String sql = "INSERT INTO itsm_incident (" + COLUMNS + ") VALUES (" + "?, ".repeat(30) + "?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int k = 0; k < count; k++) {
        bind(ps, random, first + k, callers, now);
        ps.addBatch();
        if ((k + 1) % 1000 == 0 || k == count - 1) {
          ps.executeBatch();
        }
        if ((k + 1) % 10_000 == 0) {
          c.commit();
        }
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("ALTER SEQUENCE itsm_incident_seq RESTART WITH " + (first + count));
    }
    c.commit();
    return first;
  }

  private static String nextValueSql(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
    return product.contains("postgres") ? "SELECT nextval('itsm_incident_seq')"
        : "SELECT NEXT VALUE FOR itsm_incident_seq";
  }

  private static void bind(PreparedStatement ps, SplittableRandom r, long seq, int callers,
      Instant now) throws SQLException {
    int roll = r.nextInt(100);
    String state = roll < 90 ? "CLOSED" : roll < 93 ? "CANCELLED" : roll < 95 ? "RESOLVED"
        : roll < 97 ? "IN_PROGRESS" : roll < 99 ? "NEW" : "ON_HOLD";
    boolean open = state.equals("NEW") || state.equals("IN_PROGRESS") || state.equals("ON_HOLD")
        || state.equals("RESOLVED");
    Instant opened = open ? now.minusSeconds(r.nextLong(10L * 24 * 3600))
        : now.minusSeconds(11L * 24 * 3600 + r.nextLong(354L * 24 * 3600));
    int impact = weighted(r, 10, 30, 60);     // 1 high .. 3 low
    int urgency = weighted(r, 10, 40, 50);
    int p = Math.min(5, impact + urgency - 1);
    Duration response = switch (p) {
      case 1 -> Duration.ofMinutes(15);
      case 2 -> Duration.ofMinutes(30);
      case 3 -> Duration.ofHours(4);
      case 4 -> Duration.ofHours(8);
      default -> Duration.ofDays(1);
    };
    Duration resolution = switch (p) {
      case 1 -> Duration.ofHours(4);
      case 2 -> Duration.ofHours(8);
      case 3 -> Duration.ofDays(3);
      case 4 -> Duration.ofDays(5);
      default -> Duration.ofDays(10);
    };
    Instant responseDue = opened.plus(response);
    Instant resolutionDue = opened.plus(resolution);
    boolean acknowledgedState = !state.equals("NEW") && !state.equals("CANCELLED");
    Instant acknowledged = acknowledgedState
        ? min(now, opened.plus(Duration.ofMinutes(5 + r.nextInt(6 * 60)))) : null;
    Instant resolved = state.equals("RESOLVED") || state.equals("CLOSED")
        ? min(now, acknowledged.plus(Duration.ofMinutes(10 + r.nextInt(5 * 24 * 60)))) : null;
    Instant closed = state.equals("CLOSED")
        ? min(now, resolved.plus(Duration.ofHours(1 + r.nextInt(72)))) : null;
    Instant cancelled = state.equals("CANCELLED")
        ? opened.plus(Duration.ofMinutes(1 + r.nextInt(600))) : null;
    Instant onHoldSince = state.equals("ON_HOLD") ? min(now, acknowledged.plusSeconds(600)) : null;
    Instant responseMet = acknowledged != null ? acknowledged : cancelled != null ? cancelled : now;
    Instant resolutionMet = resolved != null ? resolved : cancelled != null ? cancelled : now;

    String system = SYSTEMS[r.nextInt(SYSTEMS.length)];
    String host = String.format("srv-%s-%04d", GROUPS.get(r.nextInt(GROUPS.size())).substring(0, 3),
        r.nextInt(5000));
    int template = r.nextInt(TITLES.length);
    String title = TITLES[template].contains("%d") ? String.format(TITLES[template], 1 + r.nextInt(40))
        : TITLES[template].contains("%s") ? String.format(TITLES[template],
            template % 2 == 0 ? host : system) : TITLES[template];
    StringBuilder description = new StringBuilder();
    for (int s = 0, n = 1 + r.nextInt(3); s < n; s++) {
      String sentence = SENTENCES[r.nextInt(SENTENCES.length)];
      description.append(s == 0 ? "" : " ").append(sentence.contains("%d")
          ? String.format(sentence, 1 + r.nextInt(12)) : sentence.contains("%04x")
          ? String.format(sentence, r.nextInt(0x10000)) : sentence.contains("%s")
          ? String.format(sentence, host) : sentence);
    }
    String group = GROUPS.get(r.nextInt(GROUPS.size()));
    boolean assigned = !state.equals("NEW") || r.nextBoolean();

    int n = 1;
    ps.setString(n++, String.format("INC%07d", seq));
    ps.setLong(n++, 1 + r.nextInt(6));
    ps.setString(n++, state);
    ps.setString(n++, title);
    ps.setString(n++, description.toString());
    ps.setString(n++, caller(r.nextInt(callers)));
    ps.setString(n++, CHANNELS[r.nextInt(CHANNELS.length)]);
    ps.setString(n++, GROUPS.get(r.nextInt(GROUPS.size())));
    ps.setNull(n++, Types.VARCHAR);
    ps.setString(n++, r.nextInt(3) == 0 ? system : null);
    ps.setString(n++, r.nextInt(3) == 0 ? host : null);
    ps.setInt(n++, impact);
    ps.setInt(n++, urgency);
    ps.setString(n++, "P" + p);
    ps.setString(n++, group);
    ps.setString(n++, assigned ? "agent-" + group + "-" + r.nextInt(12) : null);
    ps.setString(n++, state.equals("ON_HOLD") ? "AWAITING_CALLER" : null);
    ps.setString(n++, resolved != null ? "SOLVED_PERMANENTLY" : null);
    ps.setString(n++, resolved != null ? "Fixed; see the work notes." : null);
    ps.setInt(n++, r.nextInt(10) == 0 ? 1 : 0);
    ps.setInt(n++, 0);
    setInstant(ps, n++, opened);
    setInstant(ps, n++, acknowledged);
    setInstant(ps, n++, onHoldSince);
    setInstant(ps, n++, resolved);
    setInstant(ps, n++, closed);
    setInstant(ps, n++, cancelled);
    setInstant(ps, n++, responseDue);
    setInstant(ps, n++, resolutionDue);
    setInstant(ps, n++, responseMet.isAfter(responseDue) ? responseDue : null);
    setInstant(ps, n, resolutionMet.isAfter(resolutionDue) ? resolutionDue : null);
  }

  private static int weighted(SplittableRandom r, int high, int medium, int low) {
    int x = r.nextInt(high + medium + low);
    return x < high ? 1 : x < high + medium ? 2 : 3;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static void setInstant(PreparedStatement ps, int index, Instant value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }
  }
}
