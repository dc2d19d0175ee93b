-- revenue_per_request: USD of the request's first hire within 7 days (0 when not hired); mean and sd per arm.
-- Reads the cohort table built by _cohort.sql.
WITH hire AS (SELECT request_id, arg_min(amount, hired_at) AS amount, min(hired_at) AS hired_at FROM hires GROUP BY request_id),
per_request AS (
  SELECT c.arm, c.category, CASE WHEN h.hired_at < c.created_at + INTERVAL 7 DAY THEN h.amount ELSE 0 END AS v
  FROM cohort c LEFT JOIN hire h USING (request_id)
)
SELECT arm, CASE WHEN grouping(category) = 1 THEN 'all' ELSE 'category=' || category END AS segment, count(*) AS n, avg(v) AS mean, stddev_samp(v) AS sd
FROM per_request
GROUP BY GROUPING SETS ((arm), (arm, category))
ORDER BY 1, 2
