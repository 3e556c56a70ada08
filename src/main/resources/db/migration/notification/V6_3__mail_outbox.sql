-- E-mail goes through an outbox: a message is kept as 'pending' in the transaction that decides to send it, and
-- the mail delivery sends it moments later, so a slow or unreachable SMTP server never holds a transaction open,
-- and a failed attempt is tried again (with a growing delay) instead of being lost.
ALTER TABLE notification_mail DROP CONSTRAINT notification_mail_status_check;
ALTER TABLE notification_mail ADD CONSTRAINT notification_mail_status_check
    CHECK (status IN ('kept', 'pending', 'sent', 'failed'));
ALTER TABLE notification_mail
    ADD COLUMN attempts        integer NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at timestamptz,
    ADD COLUMN sent_at         timestamptz,
    ADD COLUMN last_error      text;
-- The delivery's queue: only what is still to be sent.
CREATE INDEX notification_mail_pending_idx ON notification_mail (next_attempt_at, id) WHERE status = 'pending';
