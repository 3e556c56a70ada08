-- In-app messages: already rendered in the recipient's language, so reading them needs no templates.
CREATE TABLE notification_message (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_id bigint NOT NULL,
    title        text NOT NULL,
    body         text NOT NULL,
    link         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    read_at      timestamptz
);

-- The header badge counts a user's unread messages on every page: a partial index keeps that cheap.
CREATE INDEX notification_message_unread ON notification_message (recipient_id) WHERE read_at IS NULL;
-- A user's list, unread first then newest.
CREATE INDEX notification_message_recipient ON notification_message (recipient_id, id DESC);
