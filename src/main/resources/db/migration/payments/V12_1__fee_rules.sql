-- Fee rules: fees the city decides per procedure over a period and per channel of filing. When no rule is in
-- force the procedure's catalogue fee applies. Procedure codes are not foreign keys: the catalogue is loaded
-- after migrations, and a rule may be prepared before its procedure is published.
CREATE TABLE payments_fee_rule (
    id             bigserial   PRIMARY KEY,
    procedure_code text        NOT NULL CHECK (length(procedure_code) BETWEEN 1 AND 40),
    channel        text        NOT NULL CHECK (channel IN ('online', 'counter', 'any')),
    amount_vnd     bigint      NOT NULL CHECK (amount_vnd >= 0),
    valid_from     date        NOT NULL,
    valid_to       date        CHECK (valid_to IS NULL OR valid_to >= valid_from),
    reason         text        NOT NULL,
    reason_en      text        NOT NULL,
    version        integer     NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_fee_rule_procedure ON payments_fee_rule (procedure_code, valid_from);

-- The city's resolution: free of charge when filed online until the end of 2025.
INSERT INTO payments_fee_rule (procedure_code, channel, amount_vnd, valid_from, valid_to, reason, reason_en)
SELECT code, 'online', 0, DATE '2025-01-01', DATE '2025-12-31',
       'Miễn phí khi nộp trực tuyến theo Nghị quyết của HĐND Thành phố đến hết 31/12/2025',
       'Free of charge when filed online, by resolution of the City People''s Council, until 31/12/2025'
FROM (VALUES ('1.000689'), ('2.000635'), ('1.004873'), ('2.000488'), ('2.001610'), ('2.002036')) AS p(code);

-- City administrators keep the fee rules and may refund payments.
INSERT INTO identity_role_permission (role_code, permission) VALUES ('CITY_ADMIN', 'payments.manage');
