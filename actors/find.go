package actors

import (
	"slices"
	"strings"
)

// Found is an actor or product found in an article.
type Found struct {
	Name       string   // canonical name (gazetteer) or the name as written (discovered)
	Kind       Kind     // person, organisation, media or product
	Count      int      // occurrences in the article, title included
	Discovered bool     // found by the discovery rules, not the gazetteer
	Aliases    []string // the entry's aliases (empty for discovered ones): indexed so that actor:"firme de Redmond" finds Microsoft
}

// match is an occurrence of a pattern: tokens [i, i+n).
type match struct {
	p    *pattern
	i, n int
}

// Find returns the actors (kinds person, organisation, media) and, apart,
// the products of an article, each once, most mentioned first (ties: by
// name). The title counts as a paragraph of its own. The package comment
// says how names are matched and discovered.
func (g *Gazetteer) Find(title, body string) (actors, products []Found) {
	if g == nil {
		g = &Gazetteer{}
	}
	text := body
	if title != "" {
		text = title + "\n\n" + body
	}
	// Invalid bytes are read as U+FFFD, which is not a letter, so that no
	// name holds one (FuzzFind: « X\x8bde K »). Valid text is not copied.
	text = strings.ToValidUTF8(text, "\uFFFD")
	toks := tokenize(text, false)
	matches := g.matchAll(text, toks, 0, len(toks), false)
	matches = g.unfoldAppositions(text, toks, matches)

	counts := make(map[int]int, len(matches))
	for _, m := range matches {
		counts[m.p.entry]++
	}
	g.countSurnames(text, toks, counts)

	for e, n := range counts {
		f := Found{Name: g.entries[e].Name, Kind: g.entries[e].Kind, Count: n, Aliases: slices.Clone(g.entries[e].Aliases)}
		if f.Kind == Product {
			products = append(products, f)
		} else {
			actors = append(actors, f)
		}
	}
	actors = append(actors, g.discover(text, toks)...)
	release(toks)
	sortFound(actors)
	sortFound(products)
	return actors, products
}

func sortFound(fs []Found) {
	slices.SortFunc(fs, func(a, b Found) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		if c := strings.Compare(Key(a.Name), Key(b.Name)); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
}

// matchAll finds the gazetteer's names in toks[from:to], left to right, the
// longest first, and marks their tokens consumed. With noPeriphrasis, only
// names proper are tried.
func (g *Gazetteer) matchAll(text string, toks []token, from, to int, noPeriphrasis bool) []match {
	var ms []match
	for i := from; i < to; {
		p := g.longest(text, toks[:to], i, noPeriphrasis)
		if p == nil {
			i++
			continue
		}
		n := len(p.words)
		for k := i; k < i+n; k++ {
			toks[k].flags |= isConsumed
		}
		ms = append(ms, match{p: p, i: i, n: n})
		i += n
	}
	return ms
}

// longest returns the longest pattern that matches at toks[i].
func (g *Gazetteer) longest(text string, toks []token, i int, noPeriphrasis bool) *pattern {
	t := &toks[i]
	for _, p := range g.byFirst[t.key] {
		if (!noPeriphrasis || !p.periphrasis) && p.matchAt(text, toks, i) {
			return p
		}
	}
	if t.glue > 0 && !t.has(isConsumed) {
		for _, p := range g.byFirst[t.key[:t.glue]] {
			if len(p.words) == 1 && p.words[0].accepts(t, t.key[:t.glue]) {
				return p
			}
		}
	}
	return nil
}

func (p *pattern) matchAt(text string, toks []token, i int) bool {
	if i+len(p.words) > len(toks) {
		return false
	}
	for j, w := range p.words {
		t := &toks[i+j]
		if t.has(isConsumed) {
			return false
		}
		key := t.key
		if j == len(p.words)-1 && key != w.key && t.glue > 0 {
			key = key[:t.glue] // « Future of Life Institutea »
		}
		if !w.accepts(t, key) {
			return false
		}
		if j > 0 {
			if w.gap == "" {
				if !t.has(spaceGap) {
					return false
				}
			} else if strings.TrimSpace(text[toks[i+j-1].end:t.start]) != w.gap {
				return false
			}
		}
	}
	return true
}

// accepts reports whether the word t, read as key, is w.
func (w *patternWord) accepts(t *token, key string) bool {
	if key != w.key {
		return false
	}
	switch w.rule {
	case capital:
		return t.has(upperFirst)
	case someCapital:
		return t.has(hasUpper)
	}
	return true
}

// unfoldAppositions handles a periphrasis next to the name it stands for:
// in « Sam Altman, le patron d’OpenAI », the patron is not a second
// mention of Altman but a mention of OpenAI. Such a periphrasis is matched
// again with names only.
func (g *Gazetteer) unfoldAppositions(text string, toks []token, ms []match) []match {
	var out []match
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if m.p.periphrasis && (k > 0 && g.apposed(text, toks, ms[k-1], m) || k+1 < len(ms) && g.apposed(text, toks, m, ms[k+1])) {
			for t := m.i; t < m.i+m.n; t++ {
				toks[t].flags &^= isConsumed
			}
			out = append(out, g.matchAll(text, toks, m.i, m.i+m.n, true)...)
			continue
		}
		out = append(out, m)
	}
	return out
}

// apposed reports two matches of one entry, in one sentence, with nothing
// but punctuation and articles between them.
func (g *Gazetteer) apposed(text string, toks []token, a, b match) bool {
	if a.p.entry != b.p.entry || a.p.periphrasis == b.p.periphrasis {
		return false
	}
	for t := a.i + a.n; t < b.i; t++ {
		if !isArticle(toks[t].key) && toks[t].key != "un" && toks[t].key != "une" {
			return false
		}
	}
	gap := text[toks[a.i+a.n-1].end:toks[b.i].start]
	return !strings.ContainsAny(gap, ".!?…\n")
}

// countSurnames counts the surname alone of a person the article names in
// full, « Frank Shaw » … « Shaw », or after an honorific, « M. Breton ».
// Not when another first name comes before it (« Melinda Gates » is not
// Bill Gates).
func (g *Gazetteer) countSurnames(text string, toks []token, counts map[int]int) {
	if len(g.surnames) == 0 {
		return
	}
	for i := range toks {
		t := &toks[i]
		if t.has(isConsumed) || !t.has(upperFirst) || !t.has(hasLower) {
			continue
		}
		e, ok := g.surnames[t.key]
		if !ok {
			continue
		}
		if i > 0 && !toks[i-1].has(isConsumed) {
			prev := text[toks[i-1].start:toks[i-1].end]
			if honorifics[prev] && strings.TrimSpace(text[toks[i-1].end:t.start]) == "." || honorifics[prev] && prev != "M" && toks[i].has(spaceGap) {
				t.flags |= isConsumed
				counts[e]++
				continue
			}
			if toks[i].has(spaceGap) && toks[i-1].has(upperFirst) && isFirstName(toks[i-1].key) {
				continue
			}
		}
		if counts[e] == 0 {
			continue
		}
		t.flags |= isConsumed
		counts[e]++
	}
}
