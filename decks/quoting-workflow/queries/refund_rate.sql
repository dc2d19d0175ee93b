-- refund_rate: share of requests hired within 7 days that were later refunded or disputed.
-- Reads the cohort tables built by _cohort.sql.
WITH hire AS (SELECT request_id, min(hired_at) AS hired_at FROM hires GROUP BY request_id),
refunded AS (SELECT DISTINCT request_id FROM refunds),
per_unit AS (
  SELECT c.arm, c.category, f.request_id IS NOT NULL AS success
  FROM cohort c JOIN hire h USING (request_id) LEFT JOIN refunded f USING (request_id)
  WHERE h.hired_at < c.created_at + INTERVAL 7 DAY
)
SELECT arm, CASE WHEN grouping(category) = 1 THEN 'all' ELSE 'category=' || category END AS segment, count(*) AS n, count(*) FILTER (WHERE success) AS successes
FROM per_unit
GROUP BY GROUPING SETS ((arm), (arm, category))
ORDER BY 1, 2
