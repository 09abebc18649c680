-- 0013 (owner: registry): what the monitoring module reads of the registry through the published
-- views (docs/decisions/0005-reads-across-modules.md). registry_household gains two columns at its end
-- (CREATE OR REPLACE VIEW may only append columns):
-- - updated_at: the incremental sweep evaluates the households changed since its previous run;
-- - phone: the visit list of a risk event shows the household's phone beside the head's name.
-- Still a projection of one table, so PostgreSQL inlines it and a column the reader does not select
-- is not computed. security_invoker as in 0011 (the reader's row-level security applies); the write
-- privileges stay revoked (revoked again here, as 0011 does, in case the replacement granted them).
CREATE OR REPLACE VIEW registry_household WITH (security_invoker = true) AS
SELECT h.id,
       h.county_code,
       h.village_code,
       h.household_no,
       h.household_type,
       h.is_relocated,
       (SELECT p.name FROM person p WHERE p.household_id = h.id AND p.relation = 'HEAD' LIMIT 1) AS head_name,
       (SELECT count(*)::int FROM person p WHERE p.household_id = h.id) AS member_count,
       h.updated_at,
       h.phone
FROM household h;

REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON registry_household FROM PUBLIC, ruralbridge_app;
