-- ITSM schema v6: problems, their incident links, the known error database, and major incidents
-- with their child incidents. Timeline and audit use the shared tables of v1.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE SEQUENCE itsm_problem_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE itsm_known_error_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE itsm_problem (
  record_number        VARCHAR(32)   NOT NULL PRIMARY KEY,
  row_version          BIGINT        NOT NULL,
  state                VARCHAR(30)   NOT NULL,
  title                VARCHAR(200)  NOT NULL,
  description          VARCHAR(4000),
  category             VARCHAR(100),
  service              VARCHAR(100),
  configuration_item   VARCHAR(100),
  priority             VARCHAR(2)    NOT NULL,
  problem_manager      VARCHAR(100),
  proactive            BOOLEAN       NOT NULL,
  workaround           VARCHAR(4000),
  root_cause           VARCHAR(4000),
  fix_change           VARCHAR(32),
  known_error          VARCHAR(32),
  resolution_notes     VARCHAR(4000),
  created_by           VARCHAR(100)  NOT NULL,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  assessed_at          TIMESTAMP WITH TIME ZONE,
  analysis_started_at  TIMESTAMP WITH TIME ZONE,
  root_cause_at        TIMESTAMP WITH TIME ZONE,
  resolved_at          TIMESTAMP WITH TIME ZONE,
  closed_at            TIMESTAMP WITH TIME ZONE,
  cancelled_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX itsm_problem_state_idx ON itsm_problem (state, configuration_item);
CREATE INDEX itsm_problem_category_idx ON itsm_problem (category, state);
CREATE INDEX itsm_problem_change_idx ON itsm_problem (fix_change);

CREATE TABLE itsm_problem_incident (
  record_number   VARCHAR(32) NOT NULL REFERENCES itsm_problem (record_number),
  seq_no          INTEGER     NOT NULL,
  incident_number VARCHAR(32) NOT NULL,
  PRIMARY KEY (record_number, seq_no)
);
-- "which problems is this incident linked to"
CREATE INDEX itsm_problem_incident_idx ON itsm_problem_incident (incident_number);

CREATE TABLE itsm_known_error (
  id                 VARCHAR(32)   NOT NULL PRIMARY KEY,
  seq_no             BIGINT        NOT NULL,
  problem_number     VARCHAR(32)   NOT NULL REFERENCES itsm_problem (record_number),
  title              VARCHAR(200)  NOT NULL,
  root_cause         VARCHAR(4000) NOT NULL,
  workaround         VARCHAR(4000) NOT NULL,
  category           VARCHAR(100),
  service            VARCHAR(100),
  configuration_item VARCHAR(100),
  published_by       VARCHAR(100)  NOT NULL,
  published_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX itsm_known_error_ci_idx ON itsm_known_error (configuration_item);
CREATE INDEX itsm_known_error_service_idx ON itsm_known_error (service);
CREATE INDEX itsm_known_error_category_idx ON itsm_known_error (category);

-- proactive detection counts recent incidents per configuration item or category
CREATE INDEX itsm_incident_ci_idx ON itsm_incident (configuration_item, opened_at);
CREATE INDEX itsm_incident_category_idx ON itsm_incident (category, opened_at);

CREATE TABLE itsm_major_incident (
  incident_number    VARCHAR(32)  NOT NULL PRIMARY KEY,
  row_version        BIGINT       NOT NULL,
  manager            VARCHAR(100) NOT NULL,
  promoted_by        VARCHAR(100) NOT NULL,
  promoted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  cadence_seconds    BIGINT       NOT NULL,
  next_update_due    TIMESTAMP WITH TIME ZONE,
  last_update_at     TIMESTAMP WITH TIME ZONE,
  updates_posted     INTEGER      NOT NULL,
  updates_missed     INTEGER      NOT NULL,
  review_notes       VARCHAR(4000),
  reviewed_by        VARCHAR(100),
  reviewed_at        TIMESTAMP WITH TIME ZONE
);

CREATE TABLE itsm_major_child (
  child_number   VARCHAR(32) NOT NULL PRIMARY KEY,
  parent_number  VARCHAR(32) NOT NULL REFERENCES itsm_major_incident (incident_number),
  linked_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX itsm_major_child_parent_idx ON itsm_major_child (parent_number);
