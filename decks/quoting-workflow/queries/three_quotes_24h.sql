-- three_quotes_24h: share of requests with quotes from three or more distinct pros within 24 hours.
-- Reads the cohort tables built by _cohort.sql.
WITH per_unit AS (
  SELECT c.arm, c.category, c.pros_24h >= 3 AS success
  FROM cohort c
)
SELECT arm, CASE WHEN grouping(category) = 1 THEN 'all' ELSE 'category=' || category END AS segment, count(*) AS n, count(*) FILTER (WHERE success) AS successes
FROM per_unit
GROUP BY GROUPING SETS ((arm), (arm, category))
ORDER BY 1, 2
