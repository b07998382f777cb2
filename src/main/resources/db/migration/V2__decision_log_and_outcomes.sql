-- The closed loop: every decision the service made (the decision log) and what happened after it (outcomes: the
-- messages sent and the coupons redeemed, as the CRM reports them). Plain SQL that H2 and PostgreSQL both run.
-- Requests and answers are VARCHAR, not TEXT: H2 keeps TEXT (CLOB) values apart from the row, which made each write
-- several times dearer; 1,000,000 characters holds the largest request /decide accepts.

CREATE TABLE decision_log (
    decision_id     VARCHAR(36)    NOT NULL PRIMARY KEY, -- derived from request and version: a repeat is one row
    decided_at      TIMESTAMP WITH TIME ZONE NOT NULL,   -- when the service decided (the request's asOf is inside it)
    customer_id     VARCHAR(64)    NOT NULL,
    campaign_id     VARCHAR(64),
    campaign_type   VARCHAR(20)    NOT NULL,
    ruleset_version VARCHAR(64)    NOT NULL,
    request         VARCHAR(1000000),                    -- the request as decided (contact history included); null
                                                         -- when coupon.log.store-requests=false
    request_sha256  CHAR(64)       NOT NULL,             -- of that request, kept also when the request is not
    eligible        BOOLEAN        NOT NULL,
    holdout         BOOLEAN        NOT NULL,             -- in a campaign's control group (suppression HOLDOUT)
    tier            VARCHAR(20),
    coupon_type     VARCHAR(30),
    amount_off      DECIMAL(14, 2),
    percent_off     DECIMAL(7, 2),
    experiment      VARCHAR(64),                         -- the coupon row's A/B experiment and variant
    variant         VARCHAR(64),
    coupon_rule     VARCHAR(500),                        -- the table row that chose the coupon, and where it is
    coupon_source   VARCHAR(500),
    decision        VARCHAR(1000000) NOT NULL            -- the answer as the client got it, as JSON
);

CREATE INDEX decision_log_customer ON decision_log (customer_id, decided_at);
-- every index is written with each decision (the writer's main cost): the campaign index is the campaign alone, in
-- decision order, and the report sorts a campaign's rows itself
CREATE INDEX decision_log_campaign ON decision_log (campaign_id);
CREATE INDEX decision_log_decided_at ON decision_log (decided_at);

CREATE TABLE outcome (
    customer_id   VARCHAR(64)    NOT NULL,
    campaign_id   VARCHAR(64)    NOT NULL,
    type          VARCHAR(10)    NOT NULL,               -- SENT or REDEEMED
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    decision_id   VARCHAR(36),                           -- as the CRM gave it; outcomes match decisions by customer
                                                         -- and campaign
    campaign_type VARCHAR(20),                           -- of a SENT message, for the frequency caps
    order_amount  DECIMAL(14, 2),                        -- of a REDEEMED coupon
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, campaign_id, type, at)     -- a repeated post records nothing twice
);

CREATE INDEX outcome_campaign ON outcome (campaign_id);
CREATE INDEX outcome_sent ON outcome (customer_id, type, at);
