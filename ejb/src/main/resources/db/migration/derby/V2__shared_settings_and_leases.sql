-- Facts every server sharing the database agrees on: the master key's check value (a server with
-- another key refuses to start) and, per kind of work that must happen once, which server holds it
-- until when (taken over when the holder stops renewing).
CREATE TABLE TB_SETTING (NAME VARCHAR(64) NOT NULL, VAL VARCHAR(512) NOT NULL, CONSTRAINT PK_SETTING PRIMARY KEY (NAME));

CREATE TABLE TB_LEASE (NAME VARCHAR(64) NOT NULL, HOLDER VARCHAR(80) NOT NULL, EXPIRESAT BIGINT NOT NULL, CONSTRAINT PK_LEASE PRIMARY KEY (NAME));
