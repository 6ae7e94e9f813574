// Review mentions look names up by their folded form (src/review/mentions.service.ts): exact
// matches on franchise and character names. Person.folded and Film.folded already have text
// indexes (002), and a film's title is found through film_sort_title.
CREATE RANGE INDEX franchise_folded IF NOT EXISTS FOR (n:Franchise) ON (n.folded);
CREATE RANGE INDEX character_folded IF NOT EXISTS FOR (n:Character) ON (n.folded);
