-- spam_per_1000: spam / fraud flags per 1,000 quotes (events / exposure; per: 1000).
-- A quote is one (request, pro) pair with a valid time; a flag counts once per quote. Reads _cohort.sql's tables.
WITH flag AS (SELECT DISTINCT request_id, pro_id FROM spam_flags)
SELECT c.arm, CASE WHEN grouping(category) = 1 THEN 'all' ELSE 'category=' || category END AS segment, count(*) AS exposure, count(f.pro_id) AS events
FROM cohort_pair p
JOIN cohort c USING (request_id)
LEFT JOIN flag f ON f.request_id = p.request_id AND f.pro_id = p.pro_id
WHERE p.first_at IS NOT NULL
GROUP BY GROUPING SETS ((arm), (arm, category))
ORDER BY 1, 2
