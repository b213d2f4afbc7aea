package dev.itsm.bpmn.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.itsm.bpmn.ItsmEngine;
import dev.itsm.bpmn.ItsmProcess;
import dev.itsm.core.incident.Priority;
import dev.itsm.core.sla.ServiceLevelTarget;
import dev.itsm.core.sla.ServiceLevels;
import java.time.Duration;

/**
 * The configuration every node of the cluster tests runs with (the test JVM's checking engine
 * too): short service-level targets and auto-close period in whole seconds of real time, so timers
 * fall due while the load runs.
 */
final class ClusterFixture {

  /** P2 response target. */
  static final Duration RESPONSE = Duration.ofSeconds(2);
  /** P2 resolution target. */
  static final Duration RESOLUTION = Duration.ofSeconds(5);
  /** Auto-close period of resolved incidents. */
  static final Duration AUTO_CLOSE = Duration.ofSeconds(3);
  /** The longest timer period: once this has passed after the last call, every timer is due. */
  static final Duration LONGEST_TIMER = RESOLUTION;

  private ClusterFixture() {}

  /**
   * P2 (impact MEDIUM, urgency HIGH): response 2 s, resolution 5 s, warnings at 50, 75, 90 %. No
   * other targets: P5 incidents (LOW × LOW) have no clocks.
   *
   * @return the service levels
   */
  static ServiceLevels levels() {
    return ServiceLevels.builder()
        .target(ServiceLevelTarget.response("P2 response").priority(Priority.P2)
            .within(RESPONSE).build())
        .target(ServiceLevelTarget.resolution("P2 resolution").priority(Priority.P2)
            .within(RESOLUTION).build())
        .build();
  }

  /**
   * @param dataSource the cluster's database
   * @return a builder of a node
   */
  static ItsmEngine.Builder builder(HikariDataSource dataSource) {
    return ItsmEngine.builder()
        .dataSource(dataSource)
        .processes(ItsmProcess.INCIDENT)
        .serviceLevels(levels())
        .autoCloseAfter(AUTO_CLOSE)
        .jobPollInterval(Duration.ofMillis(100));
  }

  /**
   * @param name pool name
   * @param url JDBC URL
   * @param user user
   * @param password password
   * @return a HikariCP pool, as a host would hand it to the engine
   */
  static HikariDataSource pool(String name, String url, String user, String password) {
    HikariConfig cfg = new HikariConfig();
    cfg.setPoolName(name);
    cfg.setJdbcUrl(url);
    cfg.setUsername(user);
    cfg.setPassword(password);
    cfg.setMaximumPoolSize(16);
    return new HikariDataSource(cfg);
  }

  /**
   * @param token a unique token
   * @return the title of the incident opened with it
   */
  static String title(String token) {
    return "Cluster load " + token;
  }

  /**
   * @param title an incident title
   * @return the token in it, or {@code null}
   */
  static String token(String title) {
    return title.startsWith("Cluster load ") ? title.substring("Cluster load ".length()) : null;
  }
}
