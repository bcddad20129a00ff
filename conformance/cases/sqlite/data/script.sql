SELECT count(*) AS n, sum(id) AS total, min(name) AS first, max(name) AS last FROM item;
CREATE TABLE grp(id INTEGER PRIMARY KEY, label TEXT);
INSERT INTO grp SELECT value, 'group ' || value FROM (WITH RECURSIVE g(value) AS (SELECT 0 UNION ALL SELECT value + 1 FROM g WHERE value < 12) SELECT value FROM g);
SELECT g.label, count(*) AS members, avg(i.id) AS mean FROM item i JOIN grp g ON g.id = i.grp GROUP BY g.id ORDER BY members DESC, g.id LIMIT 5;
SELECT grp, group_concat(id) AS ids FROM (SELECT * FROM item WHERE id % 1000 = 0 ORDER BY id) GROUP BY grp ORDER BY grp;
INSERT INTO item(id, grp, name) VALUES (1, 0, 'duplicate');
SELECT upper(name) AS shout, length(name) AS len, substr(name, 6) AS num FROM item WHERE id IN (1, 5000, 10000) ORDER BY id;
SELECT nosuchcolumn FROM item;
SELECT count(*) AS after_errors FROM item;
