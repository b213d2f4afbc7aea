-- ITSM schema v5: change records, their links (services, configuration items, incidents,
-- problems, collisions) and approver decisions. Timeline and audit use the shared tables of v1.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE SEQUENCE itsm_change_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE itsm_change_approval_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE itsm_change (
  record_number             VARCHAR(32)   NOT NULL PRIMARY KEY,
  row_version               BIGINT        NOT NULL,
  change_type               VARCHAR(20)   NOT NULL,
  state                     VARCHAR(20)   NOT NULL,
  title                     VARCHAR(200)  NOT NULL,
  description               VARCHAR(4000),
  justification             VARCHAR(4000),
  category                  VARCHAR(100),
  implementation_plan       VARCHAR(4000),
  backout_plan              VARCHAR(4000),
  test_plan                 VARCHAR(4000),
  planned_start             TIMESTAMP WITH TIME ZONE,
  planned_end               TIMESTAMP WITH TIME ZONE,
  requester                 VARCHAR(100)  NOT NULL,
  owner_id                  VARCHAR(100),
  implementer_group         VARCHAR(100),
  implementer               VARCHAR(100),
  impact                    SMALLINT,
  requires_outage           BOOLEAN       NOT NULL,
  tested                    BOOLEAN       NOT NULL,
  backout_tested            BOOLEAN       NOT NULL,
  risk                      VARCHAR(10),
  template                  VARCHAR(100),
  authority                 VARCHAR(100),
  approver_group            VARCHAR(100),
  approval_policy           VARCHAR(20),
  eligible_approvers        INTEGER       NOT NULL,
  authorization_round       INTEGER       NOT NULL,
  authorization_due         TIMESTAMP WITH TIME ZONE,
  authorization_escalated   BOOLEAN       NOT NULL,
  freeze_override           VARCHAR(4000),
  outcome                   VARCHAR(30),
  outcome_notes             VARCHAR(4000),
  review_required           BOOLEAN       NOT NULL,
  review_notes              VARCHAR(4000),
  created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
  submitted_at              TIMESTAMP WITH TIME ZONE,
  authorized_at             TIMESTAMP WITH TIME ZONE,
  scheduled_at              TIMESTAMP WITH TIME ZONE,
  implementation_started_at TIMESTAMP WITH TIME ZONE,
  implemented_at            TIMESTAMP WITH TIME ZONE,
  closed_at                 TIMESTAMP WITH TIME ZONE,
  rejected_at               TIMESTAMP WITH TIME ZONE,
  cancelled_at              TIMESTAMP WITH TIME ZONE
);

-- the change schedule and collision checks: scheduled changes by window
CREATE INDEX itsm_change_schedule_idx ON itsm_change (state, planned_start);
CREATE INDEX itsm_change_requester_idx ON itsm_change (requester);
CREATE INDEX itsm_change_owner_idx ON itsm_change (owner_id);
-- failed similar changes for the risk
CREATE INDEX itsm_change_outcome_idx ON itsm_change (category, outcome, implemented_at);

-- kind: SERVICE, CI, INCIDENT, PROBLEM, COLLISION
CREATE TABLE itsm_change_link (
  record_number VARCHAR(32)  NOT NULL REFERENCES itsm_change (record_number),
  link_kind     VARCHAR(10)  NOT NULL,
  seq_no        INTEGER      NOT NULL,
  target        VARCHAR(100) NOT NULL,
  PRIMARY KEY (record_number, link_kind, seq_no)
);
-- "which changes touch this service / CI / address this incident"
CREATE INDEX itsm_change_link_target_idx ON itsm_change_link (link_kind, target);

CREATE TABLE itsm_change_approval (
  id            BIGINT        NOT NULL PRIMARY KEY,
  record_number VARCHAR(32)   NOT NULL REFERENCES itsm_change (record_number),
  round_no      INTEGER       NOT NULL,
  approver      VARCHAR(100)  NOT NULL,
  decision      VARCHAR(10)   NOT NULL,
  comment_text  VARCHAR(4000),
  decided_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  escalated     BOOLEAN       NOT NULL,
  -- one decision per approver and round, also under concurrency
  CONSTRAINT itsm_change_approval_once UNIQUE (record_number, round_no, approver)
);
