-- 0011 (owners: registry, cases): read-only views that a module publishes for the other modules'
-- set-based reads (evaluation's analytics) and joins (the cases lists). Decision record:
-- docs/decisions/0005-reads-across-modules.md.
--
-- Each view is a projection of one of its owner's tables (no grouping, no DISTINCT), so PostgreSQL
-- inlines it into the reader's query: a query through the view has the plan of the same query on the
-- table, and a column the reader does not select (a correlated subquery such as head_name) is never
-- computed. security_invoker: the reader's row-level security (the scope fence of 0002) applies.
-- Readers may only SELECT: the write privileges that the default grants of 0002 give are revoked
-- (a one-table projection would otherwise be an updatable view).

-- ---- registry ----
-- Households, with the head's name and the number of members (what case lists and pages show).
CREATE VIEW registry_household WITH (security_invoker = true) AS
SELECT h.id,
       h.county_code,
       h.village_code,
       h.household_no,
       h.household_type,
       h.is_relocated,
       (SELECT p.name FROM person p WHERE p.household_id = h.id AND p.relation = 'HEAD' LIMIT 1) AS head_name,
       (SELECT count(*)::int FROM person p WHERE p.household_id = h.id) AS member_count
FROM household h;

-- Members' facts for analytics: no name, ID number or contact.
CREATE VIEW registry_person WITH (security_invoker = true) AS
SELECT id, household_id, county_code, village_code, relation, gender, birth_date, ethnicity, education,
       student_status, health_status, labor_skill, migrant_months, has_medical_insurance, has_pension_insurance,
       is_dibao, is_tekun, public_welfare_job
FROM person;

-- Yearly incomes (fen), one row per household and year.
CREATE VIEW registry_income WITH (security_invoker = true) AS
SELECT id, household_id, county_code, village_code, year, household_size, wage_fen, operating_fen, property_fen,
       transfer_fen, production_cost_fen, out_of_pocket_medical_fen, net_income_fen, per_capita_net_fen
FROM income_record;

-- "Two assurances and three guarantees" and safe drinking water, one row per household.
CREATE VIEW registry_guarantee WITH (security_invoker = true) AS
SELECT household_id, county_code, village_code, as_of, food_clothing_ok, housing_unsafe, house_grade, dropout_child,
       member_uninsured, water_unsafe, water_liters_per_day, water_trip_minutes, water_interruption_days
FROM guarantee_status;

-- ---- cases ----
-- Monitoring cases: which household, where, in which status, identified and eliminated when. Which
-- statuses count as monitored is the cases module's MONITORED set (its index), passed by the reader.
CREATE VIEW cases_monitoring_case WITH (security_invoker = true) AS
SELECT id, household_id, county_code, village_code, status, category, risks, opened_on, identified_on,
       elimination_type, eliminated_on
FROM monitoring_case;

REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON registry_household, registry_person, registry_income, registry_guarantee,
  cases_monitoring_case, assistance_household_summary FROM PUBLIC, ruralbridge_app;
