-- ttfq_median trend: the median minutes from request to first quote, per arm, per day the request was created.
-- Reads the cohort table built by _cohort.sql.
SELECT CAST(created_at AS DATE) AS day, arm, median(epoch(first_quote_at - created_at) / 60.0) AS value
FROM cohort
WHERE first_quote_at IS NOT NULL
GROUP BY 1, 2
ORDER BY 1, 2
