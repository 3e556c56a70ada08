-- Categories and routing rules are edited by coordinators through the API and pages: a version per row
-- lets two editors not overwrite each other silently.
ALTER TABLE feedback_category ADD COLUMN version integer NOT NULL DEFAULT 0;
ALTER TABLE feedback_routing ADD COLUMN version integer NOT NULL DEFAULT 0;
CREATE INDEX feedback_routing_point_idx ON feedback_routing (handling_point_code);
