-- Agency administrators manage the accounts of their own agency's staff; the services limit the
-- grant to their agency and to the OFFICIAL role.
INSERT INTO identity_role_permission (role_code, permission) VALUES
  ('AGENCY_ADMIN', 'identity.user.manage');
