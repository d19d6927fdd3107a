-- The paper market's prices, written by the server that drives the market clock and read by the
-- others, so that every server sharing the database quotes and fills at the same prices.
CREATE TABLE TB_PRICE (INSTRUMENT VARCHAR(80) NOT NULL, LASTPRICE DECIMAL(19,4) NOT NULL, HIGHPRICE DECIMAL(19,4) NOT NULL, LOWPRICE DECIMAL(19,4) NOT NULL, VOLUME BIGINT NOT NULL, DEPTH VARCHAR(400) NOT NULL, TICKEDAT BIGINT NOT NULL, CONSTRAINT PK_PRICE PRIMARY KEY (INSTRUMENT));
