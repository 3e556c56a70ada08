-- Every e-mail CityGov sends is kept with its delivery state.
CREATE TABLE notification_mail (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient  text NOT NULL,
    subject    text NOT NULL,
    body       text NOT NULL,
    status     text NOT NULL CHECK (status IN ('kept', 'sent', 'failed')),
    created_at timestamptz NOT NULL DEFAULT now()
);
