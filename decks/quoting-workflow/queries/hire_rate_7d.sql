-- hire_rate_7d: share of requests hired within 7 days of being created (the log repeats ~1% of hires).
-- Reads the cohort tables built by _cohort.sql.
WITH hire AS (SELECT request_id, min(hired_at) AS hired_at FROM hires GROUP BY request_id),
per_unit AS (
  SELECT c.arm, c.category, coalesce(h.hired_at < c.created_at + INTERVAL 7 DAY, false) AS success
  FROM cohort c LEFT JOIN hire h USING (request_id)
)
SELECT arm, CASE WHEN grouping(category) = 1 THEN 'all' ELSE 'category=' || category END AS segment, count(*) AS n, count(*) FILTER (WHERE success) AS successes
FROM per_unit
GROUP BY GROUPING SETS ((arm), (arm, category))
ORDER BY 1, 2
