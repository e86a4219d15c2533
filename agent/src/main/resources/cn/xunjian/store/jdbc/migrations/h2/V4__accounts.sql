-- The new-media accounts, mini programs and web views of each run, with their verdicts, so that a circular built
-- later from stored runs lists them by name as the run's report did (the 通报's second annex).
CREATE TABLE XJ_ACCOUNTS (
  RUN_ID VARCHAR(100) NOT NULL,
  SEQ INTEGER NOT NULL,
  NAME VARCHAR NOT NULL,
  PLATFORM VARCHAR(40) NULL,
  URL VARCHAR NOT NULL,
  VERDICT VARCHAR(16) NOT NULL,
  FINDING_IDS VARCHAR NOT NULL,
  PRIMARY KEY (RUN_ID, SEQ),
  CONSTRAINT FK_XJ_ACCOUNTS_RUN FOREIGN KEY (RUN_ID) REFERENCES XJ_RUNS (ID) ON DELETE CASCADE
);
