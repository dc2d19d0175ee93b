-- ttfq_median: minutes from a request to its first quote (requests with at least one quote).
-- Raw values compressed as (value, weight): one row per arm, segment and distinct value.
-- Reads the cohort table built by _cohort.sql.
WITH waits AS (
  SELECT arm, category, epoch(first_quote_at - created_at) / 60.0 AS m
  FROM cohort
  WHERE first_quote_at IS NOT NULL
),
-- three significant digits (36.8, 192, 1230): at most 0.5% off, far inside any interval, and few distinct values
per_request AS (
  SELECT arm, category, CASE WHEN m < 1 THEN round(m, 2) ELSE round(m, 2 - floor(log10(m))::INTEGER) END AS minutes
  FROM waits
)
SELECT arm, CASE WHEN grouping(category) = 1 THEN 'all' ELSE 'category=' || category END AS segment, minutes AS value, count(*) AS weight
FROM per_request
GROUP BY GROUPING SETS ((arm, minutes), (arm, category, minutes))
ORDER BY 1, 2, 3
