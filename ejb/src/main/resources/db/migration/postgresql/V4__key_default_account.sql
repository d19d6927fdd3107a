-- The pseudo account the OpenAlgo-compatible API trades on for a key (API.md, API keys: defaultAccount);
-- empty means PAPER1, so keys made before this release keep trading where they could.
ALTER TABLE TB_API_KEY ADD COLUMN DEFAULTACCOUNT VARCHAR(32);
