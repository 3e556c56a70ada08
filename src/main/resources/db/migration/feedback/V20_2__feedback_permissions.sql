-- Handling reports of one's own agency's handling points; coordinating (routing, re-routing, merging);
-- moderating (hiding abusive content); monitoring (the leaders' dashboard).
INSERT INTO identity_role_permission (role_code, permission) VALUES
  ('OFFICIAL', 'feedback.handle'),
  ('AGENCY_ADMIN', 'feedback.handle'),
  ('AGENCY_ADMIN', 'feedback.coordinate'),
  ('AGENCY_ADMIN', 'feedback.moderate'),
  ('AGENCY_ADMIN', 'feedback.monitor'),
  ('CITY_ADMIN', 'feedback.handle'),
  ('CITY_ADMIN', 'feedback.coordinate'),
  ('CITY_ADMIN', 'feedback.moderate'),
  ('CITY_ADMIN', 'feedback.monitor');
