-- quotes_per_request: distinct pros quoting per request within 7 days (0 for none); mean and sd per arm.
-- The cohort: requests created in [$cohort_start, $cohort_end), each with its arm from the assignment log,
-- else from any of its quotes that carried the variant (assignment logging began 7 days late).
-- Long-tail categories read as 'Other'.
WITH asg AS (SELECT request_id, min(variant) AS variant FROM assignments GROUP BY request_id),
quote_variant AS (SELECT request_id, min(variant) AS variant FROM quotes WHERE variant IS NOT NULL GROUP BY request_id),
req AS (
  SELECT r.request_id, r.created_at,
         CASE WHEN r.category IN ('Plumbing', 'Electrical', 'House Cleaning', 'Handyman', 'Local Moving')
              THEN r.category ELSE 'Other' END AS category,
         coalesce(asg.variant, quote_variant.variant) AS arm
  FROM requests r
  LEFT JOIN asg USING (request_id)
  LEFT JOIN quote_variant USING (request_id)
  WHERE r.created_at >= $cohort_start::TIMESTAMP AND r.created_at < $cohort_end::TIMESTAMP
),
-- Quotes once each (the log repeats ~2% of rows); quotes stamped before their request are clock-skewed
-- (Seattle's legacy feed writes Pacific time as UTC) and are left out.
quote AS (
  SELECT DISTINCT q.request_id, q.pro_id, q.quoted_at
  FROM quotes q JOIN req USING (request_id)
  WHERE q.quoted_at >= req.created_at
),
quotes_7d AS (
  SELECT quote.request_id, count(DISTINCT quote.pro_id) AS pros
  FROM quote JOIN req USING (request_id)
  WHERE quote.quoted_at < req.created_at + INTERVAL 7 DAY
  GROUP BY quote.request_id
),
per_request AS (
  SELECT req.arm, req.category, coalesce(quotes_7d.pros, 0) AS v
  FROM req LEFT JOIN quotes_7d USING (request_id)
  WHERE req.arm IS NOT NULL
)
SELECT arm, CASE WHEN grouping(category) = 1 THEN 'all' ELSE 'category=' || category END AS segment, count(*) AS n, avg(v) AS mean, stddev_samp(v) AS sd
FROM per_request
GROUP BY GROUPING SETS ((arm), (arm, category))
ORDER BY 1, 2
