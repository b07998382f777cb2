-- Rulesets compiled to Drools' executable model, kept so that a restart or another replica loads them instead of
-- compiling them again. A cache: any row may be deleted at any time; the key names the ruleset's content hash and
-- the engine release that built it, so a new release never loads an old module.

CREATE TABLE compiled_module (
    cache_key  VARCHAR(200) NOT NULL PRIMARY KEY,
    module     BYTEA        NOT NULL,              -- the KieModule jar
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
