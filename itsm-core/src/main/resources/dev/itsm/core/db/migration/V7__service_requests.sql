-- ITSM schema v7: service requests and the versioned service catalog. A request references the
-- catalog item version it was made with, so it keeps that version to the end (also across
-- restarts). Its form values, fulfilment tasks and approver decisions have tables of their own;
-- timeline and audit use the shared tables of v1. (v6 is problem management.)
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 12+.

CREATE SEQUENCE itsm_request_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE itsm_request_approval_seq START WITH 1 INCREMENT BY 1;

-- one row per version of an item; the definition is the item as JSON in the catalog file format
CREATE TABLE itsm_catalog_item (
  item_id          VARCHAR(24)    NOT NULL,
  item_version     INTEGER        NOT NULL,
  item_name        VARCHAR(200)   NOT NULL,
  retired          BOOLEAN        NOT NULL,
  definition_json  VARCHAR(32000) NOT NULL,
  defined_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  defined_by       VARCHAR(100)   NOT NULL,
  PRIMARY KEY (item_id, item_version)
);

CREATE TABLE itsm_request (
  record_number          VARCHAR(32)   NOT NULL PRIMARY KEY,
  row_version            BIGINT        NOT NULL,
  state                  VARCHAR(20)   NOT NULL,
  item_id                VARCHAR(24)   NOT NULL,
  item_version           INTEGER       NOT NULL,
  item_name              VARCHAR(200)  NOT NULL,
  requested_by           VARCHAR(100)  NOT NULL,
  requested_for          VARCHAR(100)  NOT NULL,
  quantity               INTEGER       NOT NULL,
  comment_text           VARCHAR(4000),
  approval_kind          VARCHAR(10)   NOT NULL,
  approver               VARCHAR(100),
  approver_group         VARCHAR(100),
  approval_policy        VARCHAR(20),
  eligible_approvers     INTEGER       NOT NULL,
  fulfilment_process     VARCHAR(255),
  submitted_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  approved_at            TIMESTAMP WITH TIME ZONE,
  rejected_at            TIMESTAMP WITH TIME ZONE,
  fulfilment_started_at  TIMESTAMP WITH TIME ZONE,
  fulfilled_at           TIMESTAMP WITH TIME ZONE,
  closed_at              TIMESTAMP WITH TIME ZONE,
  cancelled_at           TIMESTAMP WITH TIME ZONE,
  CONSTRAINT itsm_request_item_fk FOREIGN KEY (item_id, item_version)
    REFERENCES itsm_catalog_item (item_id, item_version)
);
CREATE INDEX itsm_request_state_idx ON itsm_request (state);
CREATE INDEX itsm_request_item_idx ON itsm_request (item_id, item_version);
CREATE INDEX itsm_request_requested_by_idx ON itsm_request (requested_by);
CREATE INDEX itsm_request_requested_for_idx ON itsm_request (requested_for);
-- approvers' queues
CREATE INDEX itsm_request_approver_idx ON itsm_request (approver, state);
CREATE INDEX itsm_request_approver_group_idx ON itsm_request (approver_group, state);

-- the form's values in canonical text form, in form order
CREATE TABLE itsm_request_value (
  record_number VARCHAR(32)   NOT NULL REFERENCES itsm_request (record_number),
  seq_no        INTEGER       NOT NULL,
  field_name    VARCHAR(64)   NOT NULL,
  field_value   VARCHAR(4000) NOT NULL,
  PRIMARY KEY (record_number, field_name)
);

CREATE TABLE itsm_request_task (
  record_number VARCHAR(32)   NOT NULL REFERENCES itsm_request (record_number),
  task_no       INTEGER       NOT NULL,
  task_name     VARCHAR(200)  NOT NULL,
  task_group    VARCHAR(100)  NOT NULL,
  stage         INTEGER       NOT NULL,
  state         VARCHAR(20)   NOT NULL,
  assignee      VARCHAR(100),
  started_at    TIMESTAMP WITH TIME ZONE,
  completed_at  TIMESTAMP WITH TIME ZONE,
  note          VARCHAR(4000),
  PRIMARY KEY (record_number, task_no)
);
-- a fulfilment group's work queue: its open and started tasks
CREATE INDEX itsm_request_task_queue_idx ON itsm_request_task (task_group, state);

CREATE TABLE itsm_request_approval (
  id            BIGINT        NOT NULL PRIMARY KEY,
  record_number VARCHAR(32)   NOT NULL REFERENCES itsm_request (record_number),
  approver      VARCHAR(100)  NOT NULL,
  decision      VARCHAR(10)   NOT NULL,
  comment_text  VARCHAR(4000),
  decided_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  -- one decision per approver, also under concurrency
  CONSTRAINT itsm_request_approval_once UNIQUE (record_number, approver)
);
