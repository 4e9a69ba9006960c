// Package ingest turns the files of a dossier into documents to index: Walk
// lists the article files under some roots, ReadFile (or Read, for bytes
// already in memory) turns one file into search.Documents. It indexes
// nothing and annotates nothing; the indexer does both, with package
// annotate and package search.
//
// Users bring their own folders, so nothing here fails on bad input: each
// problem with a file or an article becomes a Warning of one line that names
// the file and says what was done ("invalid UTF-8, repaired with U+FFFD",
// "empty article, skipped"), and every good article is still returned.
//
// # Formats
//
// The format comes from the file name (see Format); a .gz suffix is looked
// through and decompressed, up to 1 GiB.
//
//   - .txt, .text: the first non-empty line is the title, the rest the body.
//     A file of one line is its own title and body. A header line such as
//     « date 2023-04 » (see dates.Header) before the title stays at the top
//     of the body, where the annotator reads it.
//   - .md, .markdown: an optional YAML front matter between --- lines: title,
//     date, source, url, id (published and publication stand for date, site
//     for source); author, lang and any other key go to Meta. Without a
//     title there, the title is a level-1 heading among the first three
//     blocks, else the first non-empty line, and it leaves the body.
//     Markdown is stripped lightly to readable text with paragraphs.
//   - .html, .htm: the article that Readability finds, rendered as text with
//     a blank line between blocks, in whatever charset the page declares.
//     Title, site name, URL, date, author and language come from the page's
//     metadata.
//   - .jsonl, .ndjson: one JSON object a line; .json: one object or an array
//     of objects. Fields: id, title, text (else body), date, source, url;
//     author, lang and any other field go to Meta.
//
// Dates in metadata may be YYYY, YYYY-MM, YYYY-MM-DD, a date-time (its day
// where it was written), or one date in words, French or English (« 25
// avril 2023 », « April 25, 2023 »). Titles are one line; bodies are
// trimmed, with Unix line ends. Text that is not valid UTF-8 is repaired
// with U+FFFD, or decoded as Windows-1252 when it holds no UTF-8 at all:
// French text from older tools is Latin-1 more often than damaged.
//
// # Identifiers
//
// An article keeps the id it gives (JSON "id", front matter "id"). Else a
// file of one article is known by Source.Rel, a JSONL line by Rel#LINE and
// a JSON array element by Rel#INDEX, both 1-based, so that ids do not change
// when the dossier is indexed again. An id given twice in a file keeps its
// first article; ids repeated across files are the indexer's business.
//
// # Limits
//
// An article over Options.MaxArticleBytes is skipped, and so are a .gz that
// expands past 1 GiB (a .jsonl.gz keeps its lines before that point, as a
// truncated one does), a JSONL line over 64 MiB and an HTML page nested over
// 256 levels deep (parsing one takes time that grows with its depth). The
// warnings about the lines of one file stop after 100, then one more says
// how many were left out.
//
// Stream reads a file as Read does, but hands each article over as soon as
// it is read: a JSONL archive is never all in memory.
//
// Walk, Read, Stream, ReadFile and Format are safe for concurrent use.
package ingest
