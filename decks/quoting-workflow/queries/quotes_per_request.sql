-- quotes_per_request: distinct pros quoting a request within 7 days (0 for none); mean and sd per arm.
-- Reads the cohort table built by _cohort.sql.
WITH per_request AS (
  SELECT c.arm, c.category, c.pros_7d AS v
  FROM cohort c
)
SELECT arm, CASE WHEN grouping(category) = 1 THEN 'all' ELSE 'category=' || category END AS segment, count(*) AS n, avg(v) AS mean, stddev_samp(v) AS sd
FROM per_request
GROUP BY GROUPING SETS ((arm), (arm, category))
ORDER BY 1, 2
