-- Facts every server sharing the database agrees on: the master key's check value (a server with
-- another key refuses to start) and, per kind of work that must happen once, which server holds it
-- until when (taken over when the holder stops renewing).
CREATE TABLE tb_setting (NAME varchar(64) NOT NULL, VAL varchar(512) NOT NULL, CONSTRAINT pk_setting PRIMARY KEY (NAME));

CREATE TABLE tb_lease (NAME varchar(64) NOT NULL, HOLDER varchar(80) NOT NULL, EXPIRESAT bigint NOT NULL, CONSTRAINT pk_lease PRIMARY KEY (NAME));
