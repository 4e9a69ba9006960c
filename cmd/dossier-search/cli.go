package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dossier-search/dossier-search/actors"
	"github.com/dossier-search/dossier-search/annotate"
	"github.com/dossier-search/dossier-search/dates"
	"github.com/dossier-search/dossier-search/search"
	"github.com/dossier-search/dossier-search/seeds"
	"github.com/dossier-search/dossier-search/topics"
)

const usage = `dossier-search searches a dossier of French press articles.

Usage:
  dossier-search [flags] [search] QUERY...   search (the default command)
  dossier-search timeline [flags] [QUERY...] the dates the matching articles mention,
                                             in chronological order
  dossier-search show [--json] ID            one article whole, with its annotations
  dossier-search index PATH... --out DIR     index your own dossier, or bring an
                                             index up to date
  dossier-search check --index DIR           read a whole index against its checksums
  dossier-search analyze [--json] TEXT...    show what the French analyzer makes of a text

With no --index, it searches the dossier embedded in the program: five
articles on the quarrel between Twitter and Microsoft (April–May 2023).
The words of QUERY are joined by spaces. Put -- before a query that starts
with -, and use "search" before one that is a command's name:
  dossier-search -- -Microsoft Twitter
  dossier-search search analyze

Flags:
  --json           print JSON instead of text
  --limit N        number of documents to list (default 10; 0 lists none,
                   for the counts only)
  --offset N       skip the first N documents
  --actor NAME     keep the documents about this person or organisation
                   (repeat for several)
  --topic NAME     keep the documents on this topic (repeatable)
  --source NAME    keep the documents from this publication (repeatable)
  --since DATE     keep the documents published on or after DATE
  --until DATE     keep the documents published on or before DATE
                   DATE is YYYY, YYYY-MM or YYYY-MM-DD; --until 2023-05
                   keeps all of May
  --product NAME   keep the documents that name this product (repeatable)
  --index DIR      search the index in DIR instead of the embedded dossier
                   (also $DOSSIER_INDEX)
  --gazetteer FILE annotate the embedded dossier with these actors and
                   products too (see actors/gazetteer.txt for the format; a
                   file whose first line is "replace" replaces the default)
  --taxonomy FILE  file the embedded dossier under these topics instead
                   (see topics/taxonomy.txt for the format)
  -h, --help       show this help

Flags of index:
  --out DIR        the index directory to create or update
  --strict         exit with status 1 when there were warnings
  --max-size MB    skip articles larger than this (default 10)
  --gazetteer FILE, --taxonomy FILE  as above
index reads folders recursively and files: .txt (the first line is the
title), .md with YAML front matter, .html (the article without navigation
or boilerplate), .jsonl and .json (fields id, title, text or body, date,
source, url), and .gz of these. Ids are the ones the articles give, else
the file's path under the folder given. Run it again on the same folders:
it indexes the new and changed files, deletes what vanished, and leaves
the rest. The index in DIR stays whole and searchable during a run and if
it is interrupted. Problems with a file (unreadable, invalid UTF-8, binary,
empty, too large, bad front matter or JSON, duplicate id) are one line on
stderr each; every good file is indexed.

Query language:
  API payante              documents with both words (AND is implied)
  Musk OR Gates            either word (also OU)
  Musk AND Gates           both (also ET)
  Microsoft NOT Apple      without Apple (also SAUF, or -Apple)
  (Musk OR Gates) procès   parentheses group
  "l’heure du procès"      a phrase; also “…” and « … »
  api*                     words starting with api
  tweeter~1                words within one typo of tweeter (~2: two)
  actor:Microsoft          a facet value; also topic:, product:, source:
  actor:"firme de Redmond" an actor or topic by any of its names; quote a
                           value with spaces
  title:procès             a word of the title only; body: for the text
  date:2023-04             published in April 2023
  date:2023-04-01..2023-05-31   within a range (either end may be left out)
  date:>=2023-05           since May 2023 (also >, <, <=)
  *                        every document (as does an empty query)
Words are matched as the French analyzer reads them: without case or
accents, with elision and stemming, so that proces finds procès and
« l’API » finds API.

Output: a ranked list (rank, title, date, source, actors, topics, passages
with the matched words in bold on a terminal, between « » otherwise), then
the facet counts over all the matching documents. A date followed by
"(inferred)" was not given with the article but inferred from the dates it
mentions. timeline prints date, document and sentence of each dated
mention of the matching articles, oldest first.

Exit status: 0 when results were printed (no hit included), 1 when the
program failed, 2 for a usage error or a malformed query.
`

// options are the flags of a run.
type options struct {
	json                              bool
	limit, offset                     int
	actors, topics, products, sources stringList
	since, until                      string
	index                             string
	gazetteer, taxonomy               string
	out                               string
	strict                            bool
	maxSize                           int
	help                              bool
	set                               map[string]bool // the flags given
}

// stringList is a flag that may be repeated.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

func newFlagSet(o *options) *flag.FlagSet {
	fs := flag.NewFlagSet("dossier-search", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported in one line by runEnv
	fs.BoolVar(&o.json, "json", false, "")
	fs.IntVar(&o.limit, "limit", 10, "")
	fs.IntVar(&o.offset, "offset", 0, "")
	fs.Var(&o.actors, "actor", "")
	fs.Var(&o.topics, "topic", "")
	fs.Var(&o.products, "product", "")
	fs.Var(&o.sources, "source", "")
	fs.StringVar(&o.gazetteer, "gazetteer", "", "")
	fs.StringVar(&o.taxonomy, "taxonomy", "", "")
	fs.StringVar(&o.since, "since", "", "")
	fs.StringVar(&o.until, "until", "", "")
	fs.StringVar(&o.index, "index", "", "")
	fs.StringVar(&o.out, "out", "", "")
	fs.BoolVar(&o.strict, "strict", false, "")
	fs.IntVar(&o.maxSize, "max-size", 10, "")
	fs.BoolVar(&o.help, "help", false, "")
	fs.BoolVar(&o.help, "h", false, "")
	return fs
}

// parseArgs parses flags wherever they stand among the arguments and
// returns the other arguments; after "--" every argument is one of these.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		left := fs.Args()
		if consumed := len(args) - len(left); consumed > 0 && args[consumed-1] == "--" {
			return append(rest, left...), nil
		}
		if len(left) == 0 {
			return rest, nil
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func runEnv(ctx context.Context, args []string, e env) int {
	var o options
	fs := newFlagSet(&o)
	rest, err := parseArgs(fs, args)
	if err != nil {
		return fail(e, usageError{flagError(err)})
	}
	o.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	if o.help {
		fmt.Fprint(e.stdout, usage)
		return exitOK
	}
	command := "search"
	if len(rest) > 0 && slices.Contains([]string{"search", "analyze", "timeline", "show", "index", "check"}, rest[0]) {
		command, rest = rest[0], rest[1:]
	}
	if command != "index" {
		if err := noFlags(fs, command, "out", "strict", "max-size"); err != nil {
			return fail(e, err)
		}
	}
	switch command {
	case "index":
		if err := onlyFlags(fs, command, "out", "strict", "max-size", "gazetteer", "taxonomy"); err != nil {
			return fail(e, err)
		}
		if o.maxSize <= 0 {
			return fail(e, usageError{"--max-size takes a number of megabytes, 1 or more"})
		}
		err = indexCommand(ctx, e, o, rest)
	case "show":
		if err := onlyFlags(fs, command, "json", "index"); err != nil {
			return fail(e, err)
		}
		err = watch(ctx, watchdogLimit, func() error { return showCommand(ctx, e, o, rest) })
	case "check":
		if err := onlyFlags(fs, command, "index"); err != nil {
			return fail(e, err)
		}
		err = checkCommand(ctx, e, o, rest)
	case "analyze":
		if err := onlyFlags(fs, command, "json"); err != nil {
			return fail(e, err)
		}
		err = analyze(e, o, strings.Join(rest, " "))
	case "timeline":
		if err := onlyFlags(fs, command, "json", "limit", "actor", "topic", "product", "source", "since", "until", "index", "gazetteer", "taxonomy"); err != nil {
			return fail(e, err)
		}
		err = watch(ctx, watchdogLimit, func() error { return timelineCommand(ctx, e, o, strings.Join(rest, " ")) })
	default:
		err = watch(ctx, watchdogLimit, func() error { return searchCommand(ctx, e, o, strings.Join(rest, " ")) })
	}
	return fail(e, err)
}

// flagError rewrites the flag package's errors as one line that names the
// flag.
func flagError(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return fmt.Sprintf("unknown flag %s (see --help)", name)
	}
	return msg + " (see --help)"
}

// noFlags returns a usage error if one of the flags named was set.
func noFlags(fs *flag.FlagSet, command string, forbidden ...string) error {
	var bad []string
	fs.Visit(func(f *flag.Flag) {
		if slices.Contains(forbidden, f.Name) {
			bad = append(bad, "--"+f.Name)
		}
	})
	if len(bad) > 0 {
		return usageError{fmt.Sprintf("%s does not apply to %s", strings.Join(bad, ", "), command)}
	}
	return nil
}

// onlyFlags returns a usage error if a flag other than those named was set.
func onlyFlags(fs *flag.FlagSet, command string, allowed ...string) error {
	var bad []string
	fs.Visit(func(f *flag.Flag) {
		for _, a := range allowed {
			if f.Name == a {
				return
			}
		}
		bad = append(bad, "--"+f.Name)
	})
	if len(bad) > 0 {
		return usageError{fmt.Sprintf("%s does not apply to %s", strings.Join(bad, ", "), command)}
	}
	return nil
}

// fail reports err in one line on stderr and returns the exit status.
func fail(e env, err error) int {
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(e.stderr, "dossier-search: %s\n", oneLine(err.Error()))
	var qe *search.QueryError
	var ue usageError
	if errors.As(err, &qe) || errors.As(err, &ue) {
		return exitUsage
	}
	return exitInternal // --strict with warnings included
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// request returns the search request that the flags and query describe.
func request(o options, q string) (search.Request, error) {
	req := search.Request{
		Query:    q,
		Limit:    o.limit,
		Offset:   o.offset,
		Actors:   o.actors,
		Topics:   o.topics,
		Products: o.products,
		Sources:  o.sources,
	}
	if o.limit < 0 || o.offset < 0 {
		return req, usageError{"--limit and --offset take a number of documents, 0 or more"}
	}
	var err error
	if req.Since, err = dateFlag("since", o.since); err != nil {
		return req, err
	}
	req.Until, err = dateFlag("until", o.until)
	return req, err
}

func searchCommand(ctx context.Context, e env, o options, q string) error {
	req, err := request(o, q)
	if err != nil {
		return err
	}
	if o.limit == 0 {
		req.Limit = -1
	}
	ix, err := openIndex(ctx, e, o)
	if err != nil {
		return err
	}
	defer ix.Close()
	res, err := ix.Search(ctx, req)
	if err != nil {
		return err
	}
	if o.json {
		return printJSON(e.stdout, res)
	}
	return printText(e, res)
}

func dateFlag(name, v string) (dates.Date, error) {
	if v == "" {
		return dates.Date{}, nil
	}
	d, err := dates.Parse(v)
	if err != nil {
		return d, usageError{fmt.Sprintf("--%s %q: want YYYY, YYYY-MM or YYYY-MM-DD", name, v)}
	}
	return d, nil
}

func timelineCommand(ctx context.Context, e env, o options, q string) error {
	req, err := request(o, q)
	if err != nil {
		return err
	}
	if !o.set["limit"] {
		req.Limit = 0 // all the matching documents
	}
	ix, err := openIndex(ctx, e, o)
	if err != nil {
		return err
	}
	defer ix.Close()
	events, err := ix.Timeline(ctx, req)
	if err != nil {
		return err
	}
	if o.json {
		return printTimelineJSON(e.stdout, q, events)
	}
	return printTimeline(e.stdout, q, events)
}

// openIndex opens the index of --index or $DOSSIER_INDEX, or the embedded
// dossier.
func openIndex(ctx context.Context, e env, o options) (*search.Index, error) {
	if dir := indexDir(e, o); dir != "" {
		if o.gazetteer != "" || o.taxonomy != "" {
			return nil, usageError{"--gazetteer and --taxonomy apply when a dossier is indexed, not to an existing index"}
		}
		ix, err := search.OpenReadOnly(dir)
		if errors.Is(err, search.ErrNoIndex) {
			return nil, usageError{err.Error()}
		}
		if err != nil {
			return nil, err
		}
		if err := verifyOnce(ctx, e, ix); err != nil {
			ix.Close()
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
		return ix, nil
	}
	a, err := annotator(o)
	if err != nil {
		return nil, err
	}
	cache := cacheDir(e)
	if o.gazetteer != "" || o.taxonomy != "" {
		cache = "" // the cached index has the default annotations
	}
	return seeds.Index(ctx, cache, a)
}

// indexDir is the index directory of --index or $DOSSIER_INDEX; "" for
// the embedded dossier.
func indexDir(e env, o options) string {
	return cmp.Or(o.index, e.getenv("DOSSIER_INDEX"))
}

// annotator returns the annotator of --gazetteer and --taxonomy.
func annotator(o options) (annotate.Annotator, error) {
	var a annotate.Annotator
	if o.gazetteer != "" {
		f, err := os.Open(o.gazetteer)
		if err != nil {
			return a, usageError{fmt.Sprintf("--gazetteer: %v", err)}
		}
		defer f.Close()
		g, err := actors.Parse(f)
		if err != nil {
			return a, usageError{fmt.Sprintf("--gazetteer %s: %v", o.gazetteer, err)}
		}
		a.Gazetteer = actors.Default().Extend(g)
		if g.Replaces() {
			a.Gazetteer = g
		}
	}
	if o.taxonomy != "" {
		f, err := os.Open(o.taxonomy)
		if err != nil {
			return a, usageError{fmt.Sprintf("--taxonomy: %v", err)}
		}
		defer f.Close()
		if a.Taxonomy, err = topics.Parse(f); err != nil {
			return a, usageError{fmt.Sprintf("--taxonomy %s: %v", o.taxonomy, err)}
		}
	}
	return a, nil
}

// cacheDir returns where the index of the embedded dossier is kept between
// runs: $DOSSIER_CACHE_DIR, or dossier-search in the user's cache directory;
// "" (build it in memory at each run) when DOSSIER_CACHE_DIR is "off" or
// there is no cache directory.
func cacheDir(e env) string {
	switch d := e.getenv("DOSSIER_CACHE_DIR"); d {
	case "off":
		return ""
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(base, "dossier-search")
	default:
		return d
	}
}
