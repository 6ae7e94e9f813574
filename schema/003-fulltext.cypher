// One full-text index over every searchable name; the folding analyzer makes it case- and
// diacritic-insensitive ("Skarsgard" finds "Skarsgård"). `popularityBand` is not a name: searches
// name the name fields, and use it only to keep the hits at least so popular (src/search/).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Film|Person|Franchise|Character|Genre) ON EACH [n.title, n.alternativeTitlesText, n.name, n.popularityBand]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
