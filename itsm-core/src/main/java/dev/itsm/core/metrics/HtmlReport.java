package dev.itsm.core.metrics;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders {@link Metrics} as one self-contained HTML page: inline CSS and inline SVG charts drawn
 * here (no script, no fonts, no network access needed to view it), then a table per practice.
 * Charts: incidents opened and resolved per week, service-level compliance per priority, the
 * change outcome mix and the incident backlog by age; each is present only when its practice is
 * (service requests have a table, no chart).
 * Every chart is an {@code <svg class="chart" data-chart="...">} element.
 *
 * <pre>{@code
 * Files.writeString(Path.of("itsm-report.html"), HtmlReport.render(metrics, "Service desk"));
 * }</pre>
 */
public final class HtmlReport {

  /** The {@code data-chart} names of the charts, in page order. */
  public static final List<String> CHARTS = List.of("weekly-trend", "sla-compliance",
      "change-outcomes", "backlog-age");

  private static final String OPENED = "#3b6ea8";
  private static final String RESOLVED = "#5aa469";
  private static final String FAILED = "#c0504d";
  private static final String ISSUES = "#e0a030";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
      Locale.ROOT).withZone(ZoneOffset.UTC);

  private HtmlReport() {}

  /**
   * @param metrics the figures
   * @param title the page's title, e.g. the organisation's name
   * @return the HTML document
   */
  public static String render(Metrics metrics, String title) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>").append(esc(title)).append(" - ITSM practice KPIs</title><style>")
        .append("body{font-family:sans-serif;margin:24px;color:#222;max-width:1100px}")
        .append("h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ccc}")
        .append(".charts{display:flex;flex-wrap:wrap;gap:16px}")
        .append("figure{margin:0;border:1px solid #ddd;padding:8px;background:#fafafa}")
        .append("figcaption{font-size:13px;font-weight:bold;margin-bottom:4px}")
        .append("table{border-collapse:collapse;font-size:13px;margin-top:8px}")
        .append("td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}")
        .append("td.v{text-align:right;white-space:nowrap}td.d{color:#666}")
        .append(".meta{color:#555;font-size:13px}</style></head><body>\n");
    MetricsQuery q = metrics.query();
    h.append("<h1>").append(esc(title)).append(": ITSM practice KPIs</h1>\n<p class=\"meta\">")
        .append("Period ").append(DAY.format(q.from())).append(" to ").append(DAY.format(q.to()))
        .append(" (end exclusive)").append(filterText(q.filter())).append("; computed ")
        .append(DAY.format(metrics.computedAt())).append(". Practices: ");
    List<String> names = new ArrayList<>();
    metrics.sections().forEach(s -> names.add(s.practice()));
    h.append(esc(String.join(", ", names))).append(".</p>\n<div class=\"charts\">\n");
    metrics.incidents().ifPresent(i -> h.append(weeklyTrend(i)));
    metrics.serviceLevels().ifPresent(s -> h.append(slaCompliance(s)));
    metrics.changes().ifPresent(c -> h.append(changeOutcomes(c)));
    metrics.incidents().ifPresent(i -> h.append(backlogAge(i)));
    h.append("</div>\n");
    for (MetricsSection s : metrics.sections()) {
      h.append("<h2>").append(esc(s.practice())).append("</h2>\n<table><tr><th>KPI</th>")
          .append("<th>Value</th><th>Definition</th></tr>\n");
      for (Figure f : s.figures()) {
        h.append("<tr><td>").append(esc(f.name())).append("</td><td class=\"v\">")
            .append(esc(f.value())).append("</td><td class=\"d\">").append(esc(f.definition()))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private static String filterText(MetricsFilter f) {
    if (f.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    if (f.service() != null) {
      parts.add("service " + f.service());
    }
    if (f.assignmentGroup() != null) {
      parts.add("group " + f.assignmentGroup());
    }
    if (f.category() != null) {
      parts.add("category " + f.category());
    }
    if (f.priority() != null) {
      parts.add("priority " + f.priority());
    }
    return esc(", filtered by " + String.join(", ", parts));
  }

  // -------------------------------------------------------------------------------- charts

  private static String weeklyTrend(IncidentMetrics m) {
    List<String> labels = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (WeeklyVolume w : m.weekly()) {
      labels.add(w.weekStart().toString().substring(5));
      values.add(new double[] {w.opened(), w.resolved()});
    }
    return chart("weekly-trend", "Incidents per week (week starting)", labels, values,
        List.of("opened", "resolved"), List.of(OPENED, RESOLVED), false);
  }

  private static String slaCompliance(ServiceLevelMetrics m) {
    List<String> labels = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (PriorityCompliance p : m.byPriority()) {
      labels.add(p.priority());
      values.add(new double[] {Double.isNaN(p.met().percent()) ? 0 : p.met().percent()});
    }
    return chart("sla-compliance", "Service-level compliance per priority (%)", labels, values,
        List.of("met"), List.of(RESOLVED), true);
  }

  private static String changeOutcomes(ChangeMetrics m) {
    return chart("change-outcomes", "Change outcomes", List.of("successful", "with issues",
            "failed"),
        List.of(new double[] {m.successful(), 0, 0}, new double[] {0, m.successfulWithIssues(), 0},
            new double[] {0, 0, m.failed()}),
        List.of("successful", "with issues", "failed"), List.of(RESOLVED, ISSUES, FAILED), false,
        true);
  }

  private static String backlogAge(IncidentMetrics m) {
    List<String> labels = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (AgeBucket b : m.backlogAge()) {
      labels.add(b.label());
      values.add(new double[] {b.count()});
    }
    return chart("backlog-age", "Incident backlog by age at period end", labels, values,
        List.of("open incidents"), List.of(OPENED), false);
  }

  private static String chart(String id, String caption, List<String> labels,
      List<double[]> values, List<String> series, List<String> colors, boolean percent) {
    return chart(id, caption, labels, values, series, colors, percent, false);
  }

  /**
   * A bar chart: one group of bars per label, one bar per series (or, stacked, one bar per label
   * summing its series).
   */
  private static String chart(String id, String caption, List<String> labels,
      List<double[]> values, List<String> series, List<String> colors, boolean percent,
      boolean stacked) {
    int width = 520;
    int height = 240;
    int left = 40;
    int bottom = 40;
    int top = 24;
    int plotH = height - bottom - top;
    int plotW = width - left - 10;
    double max = percent ? 100 : 1;
    for (double[] v : values) {
      double sum = 0;
      for (double x : v) {
        max = Math.max(max, x);
        sum += x;
      }
      if (stacked) {
        max = Math.max(max, sum);
      }
    }
    if (!percent) {
      max = Math.ceil(max);
    }
    StringBuilder s = new StringBuilder();
    s.append("<figure><figcaption>").append(esc(caption)).append("</figcaption>")
        .append("<svg class=\"chart\" data-chart=\"").append(id)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
        .append(' ').append(height).append("\" role=\"img\"><title>").append(esc(caption))
        .append("</title>");
    // axis and gridlines at 0, 50 %, 100 % of max
    for (int g = 0; g <= 2; g++) {
      double y = top + plotH - plotH * g / 2.0;
      s.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ccc\"/>", left, y,
          left + plotW, y));
      s.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>", left - 4,
          y + 3, num(max * g / 2.0)));
    }
    int groups = Math.max(labels.size(), 1);
    double groupW = (double) plotW / groups;
    int perGroup = stacked ? 1 : series.size();
    double barW = Math.min(40, groupW * 0.8 / perGroup);
    for (int i = 0; i < labels.size(); i++) {
      double x0 = left + groupW * i + (groupW - barW * perGroup) / 2;
      double base = top + plotH;
      double[] v = values.get(i);
      for (int k = 0; k < v.length; k++) {
        double bh = plotH * v[k] / max;
        double x = stacked ? x0 : x0 + barW * k;
        double y = stacked ? base - bh : top + plotH - bh;
        if (v[k] > 0 || !stacked) {
          s.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\""
                  + " width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>",
              x, y, barW - 2, bh, colors.get(k), esc(labels.get(i)), esc(series.get(k)),
              num(v[k]) + (percent ? " %" : "")));
        }
        if (stacked) {
          base -= bh;
        }
      }
      s.append(String.format(Locale.ROOT,
          "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
          left + groupW * i + groupW / 2, top + plotH + 14, esc(labels.get(i))));
    }
    // legend
    double lx = left;
    for (int k = 0; k < series.size(); k++) {
      s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\""
              + " fill=\"%s\"/><text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>", lx,
          height - 14, colors.get(k), lx + 14, height - 5, esc(series.get(k))));
      lx += 24 + 7 * series.get(k).length();
    }
    return s.append("</svg></figure>\n").toString();
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
