-- quote_30m_share: share of requests with at least one quote within 30 minutes (no quote counts as no).
-- Reads the cohort tables built by _cohort.sql.
WITH per_unit AS (
  SELECT c.arm, c.category, coalesce(c.first_quote_at <= c.created_at + INTERVAL 30 MINUTE, false) AS success
  FROM cohort c
)
SELECT arm, CASE WHEN grouping(category) = 1 THEN 'all' ELSE 'category=' || category END AS segment, count(*) AS n, count(*) FILTER (WHERE success) AS successes
FROM per_unit
GROUP BY GROUPING SETS ((arm), (arm, category))
ORDER BY 1, 2
