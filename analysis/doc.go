// Package analysis turns French press text into index terms: the French
// analyzer of dossier-search, a bleve analyzer built on Snowball French
// stemming.
//
// The analyzer runs, in this order:
//
//  1. Tokenizer: Unicode words (UAX #29), with byte offsets into the text.
//  2. LowerFilter: lower case; accents typed as combining marks composed,
//     typographic ligatures (ﬁ) spelt out, soft hyphens dropped.
//  3. ElisionFilter: l’ d’ j’ m’ n’ s’ t’ c’ qu’ jusqu’ lorsqu’ puisqu’
//     quoiqu’ removed, with ', ’ or ʼ; the token then starts at the word.
//  4. StopFilter: French stop words (stopwords.txt says which and why:
//     « été », « est », « sommes », « avions » stay searchable).
//  5. ProtectFilter: names and acronyms that must not be stemmed
//     (protected.txt: API, Twitter, OpenAI, ChatGPT…).
//  6. StemFilter: Snowball French, exactly as the reference implementation
//     (see Stem), behind a cache; plus the plural s and x that Snowball keeps
//     (revenus, jeux), and a second token for words with accents that stem
//     differently when typed without them (activité, procès).
//  7. FoldFilter: accents and ligatures folded after stemming (é → e,
//     œ → oe), so that « proces » finds « procès » and « coeur » « cœur ».
//
// Numbers and symbols are decided in the tokenizer:
//
//   - Thousands separators go: « 42.000 », « 42 000 » (space, U+00A0,
//     U+202F or U+2009) and 42000 are one term, 42000. A decimal comma stays
//     (« 2,5 »), and so do dots that do not separate thousands (« 1.5 »,
//     « 192.168.0.1 »). « 50% » gives 50.
//   - Words joined by a hyphen, or by a dot, colon or middle dot between
//     letters, give their parts and, at the position of the first part, their
//     catenation: « GPT-4 » gives gpt4, gpt and 4, so that GPT4, GPT-4 and
//     « GPT 4 » in a phrase all find it; « e-mail » meets « email »,
//     « jeuxvideo.com » meets jeuxvideocom, « U.S.A. » meets USA and
//     « salarié·e·s » meets salariées. No catenation when a part is a clitic
//     (« a-t-il », « celui-ci ») or when all parts are numbers
//     (« 1940-1945 »).
//   - « @elonmusk » and « #hashtag » give the whole, kept as a keyword, and
//     the name: a search for @elonmusk finds the mention only, a search for
//     elonmusk finds both.
//   - A URL (http://, https:// or www.) gives its whole, lower case, without
//     scheme, « www. » or final slash, and its words.
//   - Invalid UTF-8 separates words; it never stops the analysis.
//
// Queries go through the same analyzer, then Collapse, which keeps the
// whole of a compound rather than its parts.
//
// Every filter has a plain constructor for use outside bleve, and the
// analyzer and each part are registered in bleve's registry (AnalyzerName,
// TokenizerName…) so that bleve.Open rebuilds them from a stored mapping;
// Options.Config stores an analyzer with other word lists. Analyzers and
// filters are safe for concurrent use; analysis never writes into the text it
// reads.
package analysis
