-- support_per_100: support tickets tagged to a cohort request, per 100 requests (events / exposure; per: 100).
-- support_tickets has been stale since Nov 12 (see the freshness check): the last cohort days are under-counted
-- in both arms. Reads the cohort table built by _cohort.sql.
WITH ticket AS (SELECT request_id, count(DISTINCT ticket_id) AS tickets FROM support_tickets GROUP BY request_id)
SELECT c.arm, CASE WHEN grouping(category) = 1 THEN 'all' ELSE 'category=' || category END AS segment, count(*) AS n, coalesce(sum(t.tickets), 0) AS events, count(*) AS exposure
FROM cohort c LEFT JOIN ticket t USING (request_id)
GROUP BY GROUPING SETS ((arm), (arm, category))
ORDER BY 1, 2
