package actors

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Kind is what an actor or product is.
type Kind string

const (
	Person       Kind = "person"
	Organisation Kind = "organisation"
	Media        Kind = "media"
	Product      Kind = "product"
)

// Valid reports whether k is one of the four kinds.
func (k Kind) Valid() bool {
	switch k {
	case Person, Organisation, Media, Product:
		return true
	}
	return false
}

// Actor reports whether k is a kind of actor (person, organisation or
// media), not a product.
func (k Kind) Actor() bool { return k == Person || k == Organisation || k == Media }

// Entry is an actor or product of a gazetteer: its canonical name, kind and
// the other names the press uses for it.
type Entry struct {
	Name    string
	Kind    Kind
	Aliases []string
}

// Gazetteer is a list of known actors and products. Safe for concurrent use
// once built: its methods never change it.
type Gazetteer struct {
	entries  []Entry
	replaces bool
	byKey    map[string]int        // Key of a name or alias → entry
	byFirst  map[string][]*pattern // key of a pattern's first word → patterns, longest first
	surnames map[string]int        // key of the last word of a person's canonical name → entry
}

// ParseError is a line of a gazetteer file that could not be read.
type ParseError struct {
	Line int // 1 for the first line
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("gazetteer line %d: %v", e.Line, e.Err) }
func (e *ParseError) Unwrap() error { return e.Err }

//go:embed gazetteer.txt
var defaultFile string

var defaultGazetteer = sync.OnceValue(func() *Gazetteer {
	g, err := Parse(strings.NewReader(defaultFile))
	if err != nil {
		panic("actors: embedded gazetteer.txt: " + err.Error()) // caught by the tests
	}
	return g
})

// Default returns the gazetteer embedded in the package (gazetteer.txt):
// the actors and products of the default dossier and of neighbouring
// tech-press stories. It is shared: callers must not change it, and cannot.
func Default() *Gazetteer { return defaultGazetteer() }

// Parse reads a gazetteer file: one entry a line,
//
//	Canonical Name | kind | alias; alias; alias
//
// where kind is person, organisation, media or product and the aliases may
// be left out. A # at the start of a line or after a space starts a comment;
// blank lines are ignored. A file whose first line (comments and blank
// lines aside) is the word replace is meant to replace the default
// gazetteer rather than extend it: see Replaces. Errors are *ParseError
// values that name the line.
func Parse(r io.Reader) (*Gazetteer, error) {
	g := &Gazetteer{}
	lines := map[string]int{} // Key of a canonical name → its line
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(stripComment(sc.Text()))
		if line == "" {
			continue
		}
		fail := func(format string, args ...any) error {
			return &ParseError{Line: n, Err: fmt.Errorf(format, args...)}
		}
		if line == "replace" {
			if len(g.entries) > 0 || g.replaces {
				return nil, fail("replace must be the first line, before any entry")
			}
			g.replaces = true
			continue
		}
		fields := strings.Split(line, "|")
		if len(fields) < 2 {
			return nil, fail("%q has no kind: want Name | kind | aliases", line)
		}
		if len(fields) > 3 {
			return nil, fail("%d fields separated by |, want at most 3", len(fields))
		}
		e := Entry{Name: strings.TrimSpace(fields[0]), Kind: Kind(strings.TrimSpace(fields[1]))}
		if e.Name == "" {
			return nil, fail("missing name")
		}
		if !e.Kind.Valid() {
			return nil, fail("unknown kind %q: want person, organisation, media or product", string(e.Kind))
		}
		if len(fields) == 3 {
			for _, a := range strings.Split(fields[2], ";") {
				if a = strings.TrimSpace(a); a != "" && !slices.Contains(e.Aliases, a) {
					e.Aliases = append(e.Aliases, a)
				}
			}
		}
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			if len(aliasWords(name)) == 0 {
				return nil, fail("%q has no word to match", name)
			}
		}
		k := Key(e.Name)
		if prev, ok := lines[k]; ok {
			return nil, fail("%s is already the entry of line %d", e.Name, prev)
		}
		lines[k] = n
		g.entries = append(g.entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gazetteer: %w", err)
	}
	g.index()
	return g, nil
}

// stripComment removes a comment: a # at the start of the line or after
// white space, so that names such as « C# » stay whole.
func stripComment(line string) string {
	for i := 0; i < len(line); i++ {
		if line[i] == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			return line[:i]
		}
	}
	return line
}

// Replaces reports whether the gazetteer file began with a line replace:
// it is meant to replace the default gazetteer, not extend it. A command
// reading a user's file does
//
//	if user.Replaces() { g = user } else { g = actors.Default().Extend(user) }
func (g *Gazetteer) Replaces() bool { return g != nil && g.replaces }

// Extend returns a new gazetteer with g's entries, then other's. An entry of
// other whose canonical name is g's (compared with Key) replaces g's entry
// where it stands. When an alias names two entries, the later one wins,
// unless it is the other's canonical name: a canonical name always names its
// own entry. The result replaces the default when g does.
func (g *Gazetteer) Extend(other *Gazetteer) *Gazetteer {
	out := &Gazetteer{replaces: g.Replaces()}
	at := map[string]int{}
	for _, e := range append(g.Entries(), other.Entries()...) {
		k := Key(e.Name)
		if i, ok := at[k]; ok {
			out.entries[i] = e
			continue
		}
		at[k] = len(out.entries)
		out.entries = append(out.entries, e)
	}
	out.index()
	return out
}

// Entries returns a copy of the entries, in the order of the file.
func (g *Gazetteer) Entries() []Entry {
	if g == nil {
		return nil
	}
	out := make([]Entry, len(g.entries))
	for i, e := range g.entries {
		e.Aliases = slices.Clone(e.Aliases)
		out[i] = e
	}
	return out
}

// Lookup returns the entry whose canonical name or one of whose aliases is
// name, compared with Key. A canonical name wins over another entry's
// alias.
func (g *Gazetteer) Lookup(name string) (Entry, bool) {
	if g == nil {
		return Entry{}, false
	}
	i, ok := g.byKey[Key(name)]
	if !ok {
		return Entry{}, false
	}
	e := g.entries[i]
	e.Aliases = slices.Clone(e.Aliases)
	return e, true
}

// index builds the maps that Lookup and Find read.
func (g *Gazetteer) index() {
	g.byKey = map[string]int{}
	g.byFirst = map[string][]*pattern{}
	g.surnames = map[string]int{}
	seen := map[string]*pattern{}
	add := func(alias string, entry int) {
		p := newPattern(alias, entry)
		if p == nil {
			return
		}
		sig := p.signature()
		if old, ok := seen[sig]; ok {
			*old = *p // the later entry wins, and a canonical name wins over an alias
			return
		}
		seen[sig] = p
		g.byFirst[p.words[0].key] = append(g.byFirst[p.words[0].key], p)
	}
	for i, e := range g.entries {
		for _, a := range e.Aliases {
			g.byKey[Key(a)] = i
			add(a, i)
		}
	}
	for i, e := range g.entries {
		add(e.Name, i)
	}
	for i, e := range g.entries {
		g.byKey[Key(e.Name)] = i
		if e.Kind == Person {
			if w := aliasWords(e.Name); len(w) >= 2 {
				g.surnames[w[len(w)-1].key] = i
			}
		}
	}
	for _, ps := range g.byFirst {
		sortLongestFirst(ps)
	}
}

func sortLongestFirst(ps []*pattern) {
	slices.SortStableFunc(ps, func(a, b *pattern) int { return len(b.words) - len(a.words) })
}

// caseRule says which words of a text a word of an alias matches.
type caseRule uint8

const (
	anyCase     caseRule = iota // written in lower case in the gazetteer: « firme », « de »
	capital                     // written with a capital: « Microsoft » matches Microsoft, MICROSOFT, not microsoft
	someCapital                 // « iPhone »: any word with a capital in it
)

type patternWord struct {
	key  string
	rule caseRule
	gap  string // the punctuation between the previous word and this one, "" for white space
}

// pattern is the sequence of words of an alias.
type pattern struct {
	words       []patternWord
	entry       int
	periphrasis bool // starts with a common noun: « la firme de Redmond », « le patron de Twitter »
}

func (p *pattern) signature() string {
	var b strings.Builder
	for _, w := range p.words {
		fmt.Fprintf(&b, "%s\x00%s\x00", w.key, w.gap)
	}
	return b.String()
}

// aliasWords returns the words of an alias, without a leading article
// written in lower case (« la firme de Redmond » is « firme de Redmond »).
// An article written with a capital is part of a title and stays
// (« Le Monde »), matching any case.
func aliasWords(alias string) []patternWord {
	toks := tokenize(alias, true)
	defer release(toks)
	words := make([]patternWord, 0, len(toks))
	for k, t := range toks {
		w := patternWord{key: t.key}
		switch {
		case k == 0 && len(toks) > 1 && !t.has(hasUpper) && isArticle(t.key):
			continue
		case k == 0 && isArticle(t.key):
			w.rule = anyCase
		case t.has(upperFirst):
			w.rule = capital
		case t.has(hasUpper):
			w.rule = someCapital
		}
		if k > 0 && len(words) > 0 && !t.has(spaceGap) {
			w.gap = strings.TrimSpace(alias[toks[k-1].end:t.start])
		}
		words = append(words, w)
	}
	return words
}

func isArticle(key string) bool { return key == "le" || key == "la" || key == "les" }

func newPattern(alias string, entry int) *pattern {
	words := aliasWords(alias)
	if len(words) == 0 {
		return nil
	}
	p := &pattern{words: words, entry: entry}
	p.periphrasis = len(words) > 1 && words[0].rule == anyCase && !strings.HasPrefix(words[0].key, "@") &&
		strings.IndexFunc(words[0].key, unicode.IsLetter) == 0 && !isArticle(words[0].key)
	return p
}
