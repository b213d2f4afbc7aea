-- ITSM schema v2: service-level clocks and their history. Portable SQL (H2 2.x, PostgreSQL 12+).

CREATE SEQUENCE itsm_sla_history_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE itsm_sla_clock_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE itsm_sla_clock (
  id               VARCHAR(36)   NOT NULL PRIMARY KEY,
  record_number    VARCHAR(32)   NOT NULL,
  process          VARCHAR(30)   NOT NULL,
  target_name      VARCHAR(100)  NOT NULL,
  kind             VARCHAR(20)   NOT NULL,
  priority         VARCHAR(10)   NOT NULL,
  group_id         VARCHAR(100),
  calendar_name    VARCHAR(100)  NOT NULL,
  target_ms        BIGINT        NOT NULL,
  warning_percents VARCHAR(100)  NOT NULL,
  state            VARCHAR(20)   NOT NULL,
  started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  accumulated_ms   BIGINT        NOT NULL,
  running_since    TIMESTAMP WITH TIME ZONE,
  fired_percents   VARCHAR(100)  NOT NULL,
  breached_at      TIMESTAMP WITH TIME ZONE,
  stopped_at       TIMESTAMP WITH TIME ZONE,
  row_version      BIGINT        NOT NULL,
  start_seq        BIGINT        NOT NULL  -- orders clocks started at the same instant
);
CREATE INDEX itsm_sla_clock_record_idx ON itsm_sla_clock (record_number);
-- active clocks (at-risk queries) and compliance by stop time
CREATE INDEX itsm_sla_clock_stopped_idx ON itsm_sla_clock (stopped_at);

CREATE TABLE itsm_sla_history (
  id          BIGINT        NOT NULL PRIMARY KEY,
  clock_id    VARCHAR(36)   NOT NULL,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  kind        VARCHAR(20)   NOT NULL,
  detail      VARCHAR(1000) NOT NULL
);
CREATE INDEX itsm_sla_history_clock_idx ON itsm_sla_history (clock_id, id);
