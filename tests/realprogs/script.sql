-- SQLite workload: tables, a recursive CTE, an index, joins, aggregates,
-- a view and JSON functions, all in an in-memory database.
CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT, city INTEGER);
CREATE TABLE city(id INTEGER PRIMARY KEY, name TEXT UNIQUE);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49)
INSERT INTO city SELECT i, 'city' || i FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2999)
INSERT INTO person SELECT i, printf('p%05d', i * 7919 % 3001), i % 50 FROM n;
CREATE INDEX person_city ON person(city, name);
CREATE VIEW big AS
  SELECT c.name AS city, count(*) AS n, min(p.name) AS first
  FROM person p JOIN city c ON c.id = p.city GROUP BY c.name;
SELECT count(*), sum(n), max(first) FROM big;
SELECT json_group_array(json_object('city', city, 'n', n)) FROM (SELECT * FROM big ORDER BY city LIMIT 3);
DELETE FROM person WHERE id % 3 = 0;
SELECT count(*) FROM person WHERE city IN (SELECT id FROM city WHERE name LIKE 'city1%');
