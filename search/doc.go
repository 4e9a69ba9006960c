// Package search indexes and searches a dossier of French articles: a
// Bleve index with the French analysis of package analysis, facets for
// actors, topics, products, publication months and sources, and a query
// language for journalists.
//
// # Query language
//
// Words are joined by AND: « API payante » finds the documents with both
// words, ranked by BM25 (a title match weighs twice a body match), and a
// document where the words stand side by side, in the order typed, counts
// double. Every word goes through the French analysis of the articles, so
// « proces » finds « procès » and « l'API » finds « API ».
//
//	Musk OR Gates, Musk OU Gates     either word
//	Musk AND Gates, Musk ET Gates    both
//	Microsoft NOT Apple, -Apple      without Apple (also SAUF)
//	(Musk OR Gates) procès           grouping; AND binds tighter than OR
//	"l’heure du procès", « … »       a phrase
//	api*                             words that start with api
//	tweeter~1, tweeter~2             words within one or two typos
//	actor:Microsoft, topic:…, product:…, source:…
//	                                 a facet value, without case or accents,
//	                                 by any of its names
//	title:procès, body:procès        one field only
//	date:2023-04, date:2023-04-01..2023-05-31, date:>=2023-05
//	                                 the publication date
//	*                                every document
//
// Field names also exist in French: acteur:, thème:, produit:, titre:,
// texte:. A malformed query gives a *QueryError with the column of the
// fault. Limits keep a query's work bounded: 64 KB, 64 levels of nesting,
// 1,000 words (those of phrases included). A prefix or a fuzzy word stands
// for the terms of the index it matches, the 256 most frequent of a field
// at most (fewer when the query has several: 1,024 in all), with a warning
// when some were left out; a word of over 30 letters is searched without
// typos. Search stops at its context's deadline or cancellation.
//
// # How a search runs
//
// Search reads one snapshot of the index in two passes instead of Bleve's
// SearchInContext. The first goes over every matching document: it counts
// them, counts their facet values from per-segment tables kept in memory
// (Bleve's facet builder decodes the document values of each match at each
// search), and keeps the best 50. The second reads, from the term vectors,
// where the terms of the query stand in those 50: to move up the documents
// where the words of the query stand together, and for the snippets of the
// page. Stored fields are read for the page only.
//
// # Concurrency
//
// An Index is safe for concurrent use: searches may run from several
// goroutines while documents are added or deleted; each search sees the
// index as it was when it started. Close waits for the searches that run.
// Several processes may open an index directory with OpenReadOnly while a
// run of package dossier updates it: an opening that races with the switch
// to a new generation, and the removal of the old one, opens the new one,
// and an index kept open keeps answering from the generation it opened.
// Documents, requests and results are values, owned by one goroutine at a
// time; a Document that Analyze filled is for one index to take.
//
// # Damage
//
// Opening an index whose files are missing, truncated or damaged gives an
// error that wraps ErrDamaged and says to index the articles again; it
// changes no file, even opened for writing (scorch would drop the latest
// snapshot it cannot read). Opening reads the ends of the segment files:
// Verify reads them whole against their checksums, and finds the damage in
// their middle, which searches may not see, see as ErrDamaged, or — in
// Bleve's own goroutines, where no recover reaches — panic on. Call it once
// on an index this program did not write (a copy from elsewhere); Files and
// VerifyFile let a program remember which files it verified, as the
// command does. A full disk makes the writes of an index fail with an
// error, not wait for ever.
package search
