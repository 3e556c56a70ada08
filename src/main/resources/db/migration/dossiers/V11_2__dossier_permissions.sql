-- Desk reception, processing and approval of dossiers; citizens act on their own dossiers by ownership.
INSERT INTO identity_role_permission (role_code, permission) VALUES
  ('OFFICIAL', 'dossier.receive'),
  ('OFFICIAL', 'dossier.process'),
  ('OFFICIAL', 'dossier.approve'),
  ('AGENCY_ADMIN', 'dossier.receive'),
  ('AGENCY_ADMIN', 'dossier.process'),
  ('AGENCY_ADMIN', 'dossier.approve'),
  ('CITY_ADMIN', 'dossier.receive'),
  ('CITY_ADMIN', 'dossier.process'),
  ('CITY_ADMIN', 'dossier.approve');
