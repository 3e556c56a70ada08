-- Payments of fees through a provider (the built-in sandbox gateway for now). The amount is the fee in force
-- when the payment was started, kept with the rule and reason that decided it, for the receipt.
CREATE TABLE payments_payment (
    id             uuid        PRIMARY KEY,
    payer_id       bigint      NOT NULL,
    reference      text        NOT NULL CHECK (length(reference) BETWEEN 1 AND 100),
    procedure_code text        NOT NULL,
    channel        text        NOT NULL CHECK (channel IN ('online', 'counter')),
    amount_vnd     bigint      NOT NULL CHECK (amount_vnd > 0),
    fee_rule_id    bigint,
    fee_reason     text,
    fee_reason_en  text,
    status         text        NOT NULL CHECK (status IN ('pending', 'paid', 'cancelled', 'refunded')),
    provider       text        NOT NULL,
    redirect_url   text        NOT NULL,
    transaction_id text,
    receipt_number text        UNIQUE,
    created_at     timestamptz NOT NULL,
    paid_at        timestamptz,
    closed_at      timestamptz,
    version        integer     NOT NULL DEFAULT 0
);
CREATE INDEX payments_payment_payer ON payments_payment (payer_id, created_at DESC);
CREATE INDEX payments_payment_reference ON payments_payment (reference);

-- Every accepted gateway callback, once: a transaction id seen before is a replay.
CREATE TABLE payments_callback (
    provider       text        NOT NULL,
    transaction_id text        NOT NULL,
    payment_id     uuid        NOT NULL REFERENCES payments_payment (id),
    outcome        text        NOT NULL,
    received_at    timestamptz NOT NULL,
    PRIMARY KEY (provider, transaction_id)
);

-- Receipt numbers count up without gaps a reader would notice; the year is part of the number.
CREATE SEQUENCE payments_receipt_seq;
