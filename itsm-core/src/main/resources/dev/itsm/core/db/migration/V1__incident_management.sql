-- ITSM schema v1: incident records, their timeline, and the audit trail.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE SEQUENCE itsm_incident_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE itsm_timeline_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE itsm_audit_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE itsm_incident (
  record_number          VARCHAR(32)   NOT NULL PRIMARY KEY,
  row_version            BIGINT        NOT NULL,
  state                  VARCHAR(20)   NOT NULL,
  title                  VARCHAR(200)  NOT NULL,
  description            VARCHAR(4000),
  caller                 VARCHAR(100)  NOT NULL,
  channel                VARCHAR(20)   NOT NULL,
  category               VARCHAR(100),
  subcategory            VARCHAR(100),
  service                VARCHAR(100),
  configuration_item     VARCHAR(100),
  impact                 SMALLINT      NOT NULL,
  urgency                SMALLINT      NOT NULL,
  priority               VARCHAR(2)    NOT NULL,
  assignment_group       VARCHAR(100),
  assignee               VARCHAR(100),
  hold_reason            VARCHAR(30),
  resolution_code        VARCHAR(30),
  resolution_notes       VARCHAR(4000),
  reassignment_count     INTEGER       NOT NULL,
  reopen_count           INTEGER       NOT NULL,
  opened_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  acknowledged_at        TIMESTAMP WITH TIME ZONE,
  on_hold_since          TIMESTAMP WITH TIME ZONE,
  resolved_at            TIMESTAMP WITH TIME ZONE,
  closed_at              TIMESTAMP WITH TIME ZONE,
  cancelled_at           TIMESTAMP WITH TIME ZONE,
  response_due           TIMESTAMP WITH TIME ZONE,
  resolution_due         TIMESTAMP WITH TIME ZONE,
  response_breached_at   TIMESTAMP WITH TIME ZONE,
  resolution_breached_at TIMESTAMP WITH TIME ZONE
);

-- work queues: a group's open incidents by priority
CREATE INDEX itsm_incident_queue_idx ON itsm_incident (assignment_group, state, priority);
CREATE INDEX itsm_incident_caller_idx ON itsm_incident (caller);
CREATE INDEX itsm_incident_assignee_idx ON itsm_incident (assignee);
CREATE INDEX itsm_incident_opened_idx ON itsm_incident (opened_at);

CREATE TABLE itsm_timeline (
  id            BIGINT        NOT NULL PRIMARY KEY,
  record_number VARCHAR(32)   NOT NULL,
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  actor_id      VARCHAR(100)  NOT NULL,
  kind          VARCHAR(20)   NOT NULL,
  entry_text    VARCHAR(4000) NOT NULL
);
CREATE INDEX itsm_timeline_record_idx ON itsm_timeline (record_number, id);

CREATE TABLE itsm_audit (
  id            BIGINT        NOT NULL PRIMARY KEY,
  record_number VARCHAR(32)   NOT NULL,
  actor_id      VARCHAR(100)  NOT NULL,
  operation     VARCHAR(60)   NOT NULL,
  occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX itsm_audit_record_idx ON itsm_audit (record_number, id);

CREATE TABLE itsm_audit_change (
  audit_id   BIGINT        NOT NULL REFERENCES itsm_audit (id),
  seq_no     INTEGER       NOT NULL,
  field_name VARCHAR(100)  NOT NULL,
  old_value  VARCHAR(4000),
  new_value  VARCHAR(4000),
  PRIMARY KEY (audit_id, seq_no)
);
