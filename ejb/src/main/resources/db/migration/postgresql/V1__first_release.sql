-- The schema of the first release, as EclipseLink's create-or-extend-tables made it on PostgreSQL
-- (read back with pg_dump), but the traffic log's id is a
-- bigint identity like Derby's, not a 32-bit serial. Flyway adopts a database made by that release as version 1 without
-- running this file (baselineOnMigrate), and runs only what follows.

CREATE TABLE tb_action (
    id varchar(36) NOT NULL,
    createdat bigint NOT NULL,
    decidedat bigint,
    keyid varchar(36),
    modifies varchar(36),
    orderid varchar(36),
    orderjson varchar(4000) NOT NULL,
    reason varchar(255),
    status varchar(16) NOT NULL,
    userid varchar(36) NOT NULL,
    version bigint
);

CREATE TABLE tb_address_guard (
    id varchar(100) NOT NULL,
    attempts integer,
    claimedat bigint,
    lockeduntil bigint,
    version bigint
);

CREATE TABLE tb_api_key (
    id varchar(36) NOT NULL,
    createdat bigint NOT NULL,
    digest varchar(64) NOT NULL,
    environment varchar(8) NOT NULL,
    expiresat bigint,
    ipallowlist varchar(4000) NOT NULL,
    label varchar(64) NOT NULL,
    last4 varchar(4) NOT NULL,
    lastusedat bigint,
    lastusedip varchar(64),
    ordermode varchar(16) NOT NULL,
    permissions varchar(64) NOT NULL,
    prefix varchar(16) NOT NULL,
    revokedat bigint,
    sealedkey varchar(200) NOT NULL,
    status varchar(16) NOT NULL,
    userid varchar(36) NOT NULL
);

CREATE TABLE tb_broker_login_state (
    digest varchar(64) NOT NULL,
    accountid varchar(36) NOT NULL,
    broker varchar(16) NOT NULL,
    expiresat bigint NOT NULL,
    userid varchar(36) NOT NULL
);

CREATE TABLE tb_broker_session (
    accountid varchar(36) NOT NULL,
    brokeruserid varchar(64),
    expiresat bigint NOT NULL,
    sealedaccesstoken varchar(2048) NOT NULL,
    startedat bigint NOT NULL
);

CREATE TABLE tb_id (
    seq_name varchar(50) NOT NULL,
    seq_count numeric(38,0)
);

CREATE TABLE tb_idempotency (
    id varchar(120) NOT NULL,
    actionid varchar(36),
    createdat bigint NOT NULL,
    fingerprint varchar(64) NOT NULL,
    orderid varchar(36),
    status integer
);

CREATE TABLE tb_key_address (
    id varchar(110) NOT NULL,
    address varchar(64) NOT NULL,
    firstseen bigint,
    keyid varchar(36) NOT NULL
);

CREATE TABLE tb_login_challenge (
    digest varchar(64) NOT NULL,
    expiresat bigint NOT NULL,
    userid varchar(36) NOT NULL
);

CREATE TABLE tb_login_guard (
    userid varchar(36) NOT NULL,
    consecutivefailures integer,
    lockeduntil bigint,
    version bigint,
    windowfailures integer,
    windowstart bigint
);

CREATE TABLE tb_order (
    id varchar(36) NOT NULL,
    accountid varchar(36) NOT NULL,
    averageprice numeric(19,4),
    broker varchar(16),
    brokerorderid varchar(64),
    clientorderid varchar(64),
    comments varchar(255),
    createdat bigint NOT NULL,
    exchange varchar(8) NOT NULL,
    filledquantity integer,
    keyid varchar(36),
    legscreated boolean,
    ordertype varchar(16) NOT NULL,
    parentorderid varchar(36),
    price numeric(19,2),
    producttype varchar(16) NOT NULL,
    pseudoaccount varchar(32) NOT NULL,
    quantity integer,
    side varchar(8) NOT NULL,
    status varchar(16) NOT NULL,
    statusmessage varchar(255),
    stoploss numeric(19,2),
    strategy varchar(64),
    symbol varchar(64) NOT NULL,
    target numeric(19,2),
    trailanchor numeric(19,2),
    trailingstoploss numeric(19,2),
    triggerprice numeric(19,2),
    triggered boolean,
    updatedat bigint NOT NULL,
    userid varchar(36) NOT NULL,
    validity varchar(8) NOT NULL,
    variety varchar(8) NOT NULL,
    version bigint
);

CREATE TABLE tb_password_reset (
    digest varchar(64) NOT NULL,
    createdat bigint NOT NULL,
    expiresat bigint NOT NULL,
    sealedtoken varchar(512),
    usedat bigint,
    userid varchar(36) NOT NULL
);

CREATE TABLE tb_position (
    id varchar(160) NOT NULL,
    accountid varchar(36) NOT NULL,
    buyquantity integer,
    buyvalue numeric(21,2),
    exchange varchar(8) NOT NULL,
    producttype varchar(16) NOT NULL,
    pseudoaccount varchar(32) NOT NULL,
    sellquantity integer,
    sellvalue numeric(21,2),
    symbol varchar(64) NOT NULL,
    tradingday bigint,
    userid varchar(36) NOT NULL
);

CREATE TABLE tb_rate_window (
    bucket varchar(80) NOT NULL,
    hits integer,
    windowstartmillis bigint
);

CREATE TABLE tb_recovery_code (
    id varchar(36) NOT NULL,
    digest varchar(64) NOT NULL,
    usedat bigint,
    userid varchar(36) NOT NULL
);

CREATE TABLE tb_security_event (
    id bigint NOT NULL,
    detail varchar(255),
    ip varchar(64),
    keyid varchar(36),
    mail varchar(8) NOT NULL,
    time_ms bigint NOT NULL,
    type varchar(24) NOT NULL,
    userid varchar(36) NOT NULL
);

CREATE TABLE tb_session (
    digest varchar(64) NOT NULL,
    createdat bigint NOT NULL,
    expiresat bigint NOT NULL,
    ip varchar(64),
    lastseenat bigint NOT NULL,
    public_id varchar(36),
    useragent varchar(255),
    userid varchar(36) NOT NULL
);

CREATE TABLE tb_totp (
    userid varchar(36) NOT NULL,
    active boolean,
    credentialsrequired boolean,
    lastacceptedstep bigint,
    loginrequired boolean,
    sealedpendingsecret varchar(200),
    sealedsecret varchar(200),
    version bigint
);

CREATE TABLE tb_trade (
    id varchar(36) NOT NULL,
    accountid varchar(36) NOT NULL,
    exchange varchar(8) NOT NULL,
    orderid varchar(36) NOT NULL,
    price numeric(19,2),
    producttype varchar(16) NOT NULL,
    pseudoaccount varchar(32) NOT NULL,
    quantity integer,
    side varchar(8) NOT NULL,
    symbol varchar(64) NOT NULL,
    tradetime bigint NOT NULL,
    userid varchar(36) NOT NULL
);

CREATE TABLE tb_trading_account (
    id varchar(36) NOT NULL,
    broker varchar(16) NOT NULL,
    capital numeric(19,2),
    createdat bigint NOT NULL,
    lastvalidatedat bigint,
    live boolean,
    loginid varchar(64) NOT NULL,
    maxorderquantity integer,
    maxordervalue numeric(19,2),
    pseudoaccount varchar(32) NOT NULL,
    pseudo_key varchar(32) NOT NULL,
    sealedcredentials varchar(4000),
    userid varchar(36) NOT NULL,
    validationstatus varchar(16) NOT NULL
);

CREATE TABLE tb_traffic (
    id bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
    ip varchar(64),
    keyid varchar(36),
    latencyms integer,
    method varchar(8),
    path varchar(120),
    status integer,
    time_ms bigint NOT NULL,
    userid varchar(36) NOT NULL
);

CREATE TABLE tb_user (
    id varchar(36) NOT NULL,
    admin boolean,
    createdat bigint NOT NULL,
    email varchar(254) NOT NULL,
    passwordhash varchar(200) NOT NULL,
    sso_identity varchar(512),
    status varchar(16) NOT NULL,
    sso_no_trading boolean,
    username varchar(64) NOT NULL,
    username_key varchar(64) NOT NULL
);

ALTER TABLE tb_action ADD CONSTRAINT tb_action_pkey PRIMARY KEY (id);
ALTER TABLE tb_address_guard ADD CONSTRAINT tb_address_guard_pkey PRIMARY KEY (id);
ALTER TABLE tb_api_key ADD CONSTRAINT tb_api_key_pkey PRIMARY KEY (id);
ALTER TABLE tb_broker_login_state ADD CONSTRAINT tb_broker_login_state_pkey PRIMARY KEY (digest);
ALTER TABLE tb_broker_session ADD CONSTRAINT tb_broker_session_pkey PRIMARY KEY (accountid);
ALTER TABLE tb_id ADD CONSTRAINT tb_id_pkey PRIMARY KEY (seq_name);
ALTER TABLE tb_idempotency ADD CONSTRAINT tb_idempotency_pkey PRIMARY KEY (id);
ALTER TABLE tb_key_address ADD CONSTRAINT tb_key_address_pkey PRIMARY KEY (id);
ALTER TABLE tb_login_challenge ADD CONSTRAINT tb_login_challenge_pkey PRIMARY KEY (digest);
ALTER TABLE tb_login_guard ADD CONSTRAINT tb_login_guard_pkey PRIMARY KEY (userid);
ALTER TABLE tb_order ADD CONSTRAINT tb_order_pkey PRIMARY KEY (id);
ALTER TABLE tb_password_reset ADD CONSTRAINT tb_password_reset_pkey PRIMARY KEY (digest);
ALTER TABLE tb_position ADD CONSTRAINT tb_position_pkey PRIMARY KEY (id);
ALTER TABLE tb_rate_window ADD CONSTRAINT tb_rate_window_pkey PRIMARY KEY (bucket);
ALTER TABLE tb_recovery_code ADD CONSTRAINT tb_recovery_code_pkey PRIMARY KEY (id);
ALTER TABLE tb_security_event ADD CONSTRAINT tb_security_event_pkey PRIMARY KEY (id);
ALTER TABLE tb_session ADD CONSTRAINT tb_session_pkey PRIMARY KEY (digest);
ALTER TABLE tb_totp ADD CONSTRAINT tb_totp_pkey PRIMARY KEY (userid);
ALTER TABLE tb_trade ADD CONSTRAINT tb_trade_pkey PRIMARY KEY (id);
ALTER TABLE tb_trading_account ADD CONSTRAINT tb_trading_account_pkey PRIMARY KEY (id);
ALTER TABLE tb_traffic ADD CONSTRAINT tb_traffic_pkey PRIMARY KEY (id);
ALTER TABLE tb_user ADD CONSTRAINT tb_user_pkey PRIMARY KEY (id);
ALTER TABLE tb_trading_account ADD CONSTRAINT uq_pseudo_account UNIQUE (userid, pseudo_key);
ALTER TABLE tb_user ADD CONSTRAINT uq_user_name UNIQUE (username_key);
ALTER TABLE tb_user ADD CONSTRAINT uq_user_sso UNIQUE (sso_identity);

CREATE INDEX ix_action_user ON tb_action USING btree (userid, createdat);
CREATE INDEX ix_api_key_user ON tb_api_key USING btree (userid);
CREATE INDEX ix_order_account_margin ON tb_order USING btree (accountid, status, exchange, symbol, side, producttype, quantity, filledquantity, price);
CREATE INDEX ix_order_broker_id ON tb_order USING btree (brokerorderid);
CREATE INDEX ix_order_status ON tb_order USING btree (status);
CREATE INDEX ix_order_user ON tb_order USING btree (userid, createdat);
CREATE INDEX ix_position_user ON tb_position USING btree (userid, accountid);
CREATE INDEX ix_recovery_user ON tb_recovery_code USING btree (userid, digest);
CREATE INDEX ix_reset_user ON tb_password_reset USING btree (userid, createdat);
CREATE INDEX ix_session_user ON tb_session USING btree (userid);
CREATE INDEX ix_trade_user ON tb_trade USING btree (userid, tradetime);
CREATE INDEX tb_secevent_mail ON tb_security_event USING btree (mail, time_ms);
CREATE INDEX tb_secevent_user_time ON tb_security_event USING btree (userid, time_ms);
CREATE INDEX tb_traffic_time ON tb_traffic USING btree (time_ms);
CREATE INDEX tb_traffic_user_time ON tb_traffic USING btree (userid, time_ms);
CREATE UNIQUE INDEX ux_api_key_digest ON tb_api_key USING btree (digest);

-- The security events' id generator (TABLE strategy) starts from a row of its own.
INSERT INTO tb_id (seq_name, seq_count) VALUES ('securityEvent', 0);
