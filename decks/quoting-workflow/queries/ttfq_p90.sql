-- ttfq_p90: the 90th percentile of minutes to first quote; the same values as ttfq_median, read at 0.9.
-- Raw values compressed as (value, weight): one row per arm, segment and distinct value, rounded to 0.1 min.
-- Reads the cohort table built by _cohort.sql.
WITH per_request AS (
  SELECT arm, category, round(epoch(first_quote_at - created_at) / 60.0, 1) AS minutes
  FROM cohort
  WHERE first_quote_at IS NOT NULL
)
SELECT arm, CASE WHEN grouping(category) = 1 THEN 'all' ELSE 'category=' || category END AS segment, minutes AS value, count(*) AS weight
FROM per_request
GROUP BY GROUPING SETS ((arm, minutes), (arm, category, minutes))
ORDER BY 1, 2, 3
