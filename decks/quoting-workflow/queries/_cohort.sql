-- Run once before the metric queries (source.setup in gonogo.yaml): the experiment cohort, read once from the
-- big event tables so that each metric query stays small.
--
-- cohort_pair: one row per (request, pro) for requests created in [$cohort_start, $cohort_end) — every request
-- has had 7 days to be hired by the data cut. The quote log repeats ~2% of rows; grouping by pair counts each
-- quote once. first_at is the pro's first quote; quotes stamped before their request are clock-skewed (Seattle's
-- legacy feed writes Pacific time as UTC) and are left out of it. variant is any variant the pair's rows logged.
CREATE OR REPLACE TEMP TABLE cohort_pair AS
SELECT q.request_id, q.pro_id, r.created_at,
       min(q.quoted_at) FILTER (WHERE q.quoted_at >= r.created_at) AS first_at,
       min(q.variant) AS variant
FROM quotes q JOIN requests r USING (request_id)
WHERE r.created_at >= $cohort_start::TIMESTAMP AND r.created_at < $cohort_end::TIMESTAMP
GROUP BY q.request_id, q.pro_id, r.created_at;

-- cohort: one row per request with its arm — from the assignment log, else from a variant its quotes carried
-- (assignment logging began 7 days late) — and its quote timeline. Requests whose arm is known from neither
-- (the missing_variant data gap) keep arm 'unassigned': the reads leave them out, and the best and worst
-- scenarios add them wholly to one arm, then the other. Long-tail categories read as 'Other'.
CREATE OR REPLACE TEMP TABLE cohort AS
WITH asg AS (SELECT request_id, min(variant) AS variant FROM assignments GROUP BY request_id),
per_request AS (
  SELECT request_id, min(variant) AS variant, min(first_at) AS first_quote_at,
         count(*) FILTER (WHERE first_at <= created_at + INTERVAL 24 HOUR) AS pros_24h,
         count(*) FILTER (WHERE first_at < created_at + INTERVAL 7 DAY) AS pros_7d
  FROM cohort_pair
  GROUP BY request_id
)
SELECT r.request_id, r.created_at,
       CASE WHEN r.category IN ('Plumbing', 'Electrical', 'House Cleaning', 'Handyman', 'Local Moving')
            THEN r.category ELSE 'Other' END AS category,
       coalesce(asg.variant, p.variant, 'unassigned') AS arm,
       p.first_quote_at, coalesce(p.pros_24h, 0) AS pros_24h, coalesce(p.pros_7d, 0) AS pros_7d
FROM requests r
LEFT JOIN asg USING (request_id)
LEFT JOIN per_request p USING (request_id)
WHERE r.created_at >= $cohort_start::TIMESTAMP AND r.created_at < $cohort_end::TIMESTAMP;
