-- ITSM schema v3: the outbox of events for after-commit listeners. Written in the transaction of
-- the change; delivered after commit, with retries, by whichever node claims a row first.

CREATE SEQUENCE itsm_outbox_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE itsm_outbox (
  id              BIGINT        NOT NULL PRIMARY KEY,
  event_key       VARCHAR(36)   NOT NULL UNIQUE,
  record_number   VARCHAR(32)   NOT NULL,
  event_type      VARCHAR(200)  NOT NULL,
  payload         VARCHAR(32000) NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  attempts        INTEGER       NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_until   TIMESTAMP WITH TIME ZONE,
  delivered_at    TIMESTAMP WITH TIME ZONE,
  last_error      VARCHAR(1000)
);
-- the poller's question: undelivered rows that are due
CREATE INDEX itsm_outbox_pending_idx ON itsm_outbox (delivered_at, next_attempt_at);
