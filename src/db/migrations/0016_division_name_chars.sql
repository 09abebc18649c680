-- 0016 (owner: divisions): nationwide name search for one or two characters. They make no trigram, so
-- division_name_trgm (0012) cannot serve them and every such search read the whole table. A GIN index
-- over the name's characters finds the names holding them; LIKE then checks they stand together.
-- Measured on the whole country (665k divisions, local server): 民主 100 → 8 ms, 赫章 69 → 0.9 ms,
-- 翟 63 → 2 ms, 镇 69 → 15 ms; only a character in most names is slower (村: 115 → 265–310 ms).
CREATE INDEX division_name_chars ON division USING gin (string_to_array(name, NULL));
