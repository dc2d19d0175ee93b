-- returning_pro_7d: share of pros who, after their first quote in an arm, are active again 1 to 7 days later.
-- A pro quoting in both arms counts once in each; the segment is the category of that first quote's request.
-- Reads _cohort.sql's tables.
WITH first_quote AS (
  -- The earliest quote decides the category. Time (whole seconds) and category are packed into one number so
  -- that min() breaks ties the same way on every run, and runs as fast as a plain min.
  SELECT c.arm, p.pro_id,
         min(epoch(p.first_at)::BIGINT * 8 + list_position(['Electrical', 'Handyman', 'House Cleaning', 'Local Moving', 'Other', 'Plumbing'], c.category)) AS packed
  FROM cohort_pair p JOIN cohort c USING (request_id)
  WHERE p.first_at IS NOT NULL
  GROUP BY c.arm, p.pro_id
),
first_quote_at AS (
  SELECT arm, pro_id, ['Electrical', 'Handyman', 'House Cleaning', 'Local Moving', 'Other', 'Plumbing'][packed % 8] AS category, make_timestamp(packed // 8 * 1000000) AS first_at
  FROM first_quote
),
per_pro AS (
  SELECT f.arm, f.category, count(a.pro_id) > 0 AS success
  FROM first_quote_at f
  LEFT JOIN pro_activity a
    ON a.pro_id = f.pro_id AND a.active_at > f.first_at + INTERVAL 1 DAY AND a.active_at <= f.first_at + INTERVAL 7 DAY
  GROUP BY f.arm, f.pro_id, f.category
)
SELECT arm, CASE WHEN grouping(category) = 1 THEN 'all' ELSE 'category=' || category END AS segment, count(*) AS n, count(*) FILTER (WHERE success) AS successes
FROM per_pro
GROUP BY GROUPING SETS ((arm), (arm, category))
ORDER BY 1, 2
