-- City administrators keep the procedure catalogue.
INSERT INTO identity_role_permission (role_code, permission) VALUES ('CITY_ADMIN', 'procedures.manage');
