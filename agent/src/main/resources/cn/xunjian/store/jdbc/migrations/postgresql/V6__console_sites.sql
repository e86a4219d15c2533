-- Sites added or edited in the web console, so that every node of a cluster audits them. SITE_JSON is the site
-- file's JSON text, validated by the same code as a site file before it is stored. A row whose SOURCE_FILE is set
-- overrides the site of that site file (the file itself is never rewritten); SITE_KEY is then the file site's job
-- key, so its audit and probe jobs stay the same. Rows are updated in place; the audit log keeps each change.
CREATE TABLE XJ_SITES (
  SITE_KEY VARCHAR(40) NOT NULL PRIMARY KEY,
  SITE_JSON VARCHAR NOT NULL,
  SOURCE_FILE VARCHAR NULL,
  CREATED_BY VARCHAR(100) NOT NULL,
  CREATED_AT TIMESTAMP WITH TIME ZONE NOT NULL,
  UPDATED_BY VARCHAR(100) NOT NULL,
  UPDATED_AT TIMESTAMP WITH TIME ZONE NOT NULL,
  UPDATED_FROM VARCHAR(100) NOT NULL
);
