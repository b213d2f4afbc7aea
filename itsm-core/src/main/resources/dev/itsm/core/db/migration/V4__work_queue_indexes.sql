-- ITSM schema v4: indexes for the service desk's work queues. Portable SQL (H2 2.x, PostgreSQL 12+).

-- a group's incidents at risk of breaching their resolution target: open states, resolution due
-- before a horizon, most urgent first. Without it every row of the group is read to compare its
-- resolution_due; with it group, state and due time are checked in the index, which also gives
-- the order (ties broken by number), so a page stops after its rows.
CREATE INDEX itsm_incident_at_risk_idx
  ON itsm_incident (assignment_group, state, resolution_due, record_number);
