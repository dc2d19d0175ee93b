-- returning_pro_7d: share of pros who, after their first quote in an arm, are active again 1 to 7 days later.
-- A pro quoting in both arms counts once in each; the segment is the category of that first quote's request.
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
first_quote AS (
  SELECT req.arm, quote.pro_id, arg_min(req.category, quote.quoted_at) AS category, min(quote.quoted_at) AS first_at
  FROM quote JOIN req USING (request_id)
  WHERE req.arm IS NOT NULL
  GROUP BY req.arm, quote.pro_id
),
per_pro AS (
  SELECT f.arm, f.category, count(a.pro_id) > 0 AS success
  FROM first_quote f
  LEFT JOIN pro_activity a
    ON a.pro_id = f.pro_id AND a.active_at > f.first_at + INTERVAL 1 DAY AND a.active_at <= f.first_at + INTERVAL 7 DAY
  GROUP BY f.arm, f.pro_id, f.category
)
SELECT arm, CASE WHEN grouping(category) = 1 THEN 'all' ELSE 'category=' || category END AS segment, count(*) AS n, count(*) FILTER (WHERE success) AS successes
FROM per_pro
GROUP BY GROUPING SETS ((arm), (arm, category))
ORDER BY 1, 2
