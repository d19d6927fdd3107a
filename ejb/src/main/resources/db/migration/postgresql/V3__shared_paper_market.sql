-- The paper market's prices, written by the server that drives the market clock and read by the
-- others, so that every server sharing the database quotes and fills at the same prices.
CREATE TABLE tb_price (INSTRUMENT varchar(80) NOT NULL, LASTPRICE numeric(19,4) NOT NULL, HIGHPRICE numeric(19,4) NOT NULL, LOWPRICE numeric(19,4) NOT NULL, VOLUME bigint NOT NULL, DEPTH varchar(400) NOT NULL, TICKEDAT bigint NOT NULL, CONSTRAINT pk_price PRIMARY KEY (INSTRUMENT));
