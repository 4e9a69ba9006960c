package search

import (
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Snippet is a passage of a document around words a query matched.
type Snippet struct {
	// Text is the passage on one line, starting and ending on word
	// boundaries, with "…" where it cuts the document.
	Text string
	// Marks are the matched words, as byte ranges of Text, in order. A mark
	// covers the word, not an elided article before it: « l’<API> ».
	Marks []Span
}

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Format returns the text with open and close around each mark, for
// instance "\x1b[1m" and "\x1b[0m" on a terminal, or "«" and "»".
func (s Snippet) Format(open, close string) string {
	var b strings.Builder
	at := 0
	for _, m := range s.Marks {
		b.WriteString(s.Text[at:m.Start])
		b.WriteString(open)
		b.WriteString(s.Text[m.Start:m.End])
		b.WriteString(close)
		at = m.End
	}
	b.WriteString(s.Text[at:])
	return b.String()
}

// HTML returns the text escaped for HTML, with <mark> around each mark.
func (s Snippet) HTML() string {
	var b strings.Builder
	at := 0
	for _, m := range s.Marks {
		b.WriteString(html.EscapeString(s.Text[at:m.Start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(s.Text[m.Start:m.End]))
		b.WriteString("</mark>")
		at = m.End
	}
	b.WriteString(html.EscapeString(s.Text[at:]))
	return b.String()
}

const (
	snippetWidth      = 220  // bytes of text around the marks of one snippet, about two lines
	maxSnippetMatches = 1000 // matched words among which snippets are chosen
)

// match is a word of a document that a query matched: where the index
// says the term stands, and the term.
type match struct {
	Span
	term string
	pos  int // the position of the word in the field
}

// snippets returns up to n passages of text around the matched words, the
// passages with the most different terms first chosen, then put in the
// order of the text. With no matched word, it returns the opening of the
// text.
func snippets(text string, found []match, n int) []Snippet {
	found = mergeMatches(validMatches(text, found))
	if len(found) == 0 {
		if s, _, ok := snippetAt(text, 0, 0, 0, nil); ok {
			return []Snippet{s}
		}
		return nil
	}
	if len(found) > maxSnippetMatches {
		found = found[:maxSnippetMatches]
	}
	// The terms, numbered: a query has few.
	var terms []string
	kind := make([]int, len(found))
	for i, m := range found {
		k := slices.Index(terms, m.term)
		if k < 0 {
			k = len(terms)
			terms = append(terms, m.term)
		}
		kind[i] = k
	}
	type window struct{ from, to, score int } // found[from:to]
	var chosen []window
	used := make([]bool, len(found))
	count := make([]int, len(terms)) // of each term in found[i:j]
	for len(chosen) < n {
		// Slide a window over the matches: found[i:j] is the longest run
		// from i of unused matches that fits in a snippet (at least one
		// match, however long).
		best := window{score: -1}
		clear(count)
		distinct, j := 0, 0
		for i := range found {
			if used[i] {
				continue
			}
			if j <= i { // start afresh after used matches
				clear(count)
				distinct, j = 0, i
			}
			for j < len(found) && !used[j] && (j == i || found[j].End-found[i].Start <= snippetWidth) {
				if count[kind[j]] == 0 {
					distinct++
				}
				count[kind[j]]++
				j++
			}
			if score := 100*distinct + (j - i); score > best.score {
				best = window{i, j, score}
			}
			count[kind[i]]-- // found[i] leaves the window
			if count[kind[i]] == 0 {
				distinct--
			}
		}
		if best.score < 0 {
			break
		}
		for k := best.from; k < best.to; k++ {
			used[k] = true
		}
		chosen = append(chosen, best)
	}
	slices.SortFunc(chosen, func(x, y window) int { return x.from - y.from })
	var out []Snippet
	floor := 0 // the end of the previous passage: passages do not overlap
	for _, w := range chosen {
		ms := found[w.from:w.to]
		if s, end, ok := snippetAt(text, floor, ms[0].Start, ms[len(ms)-1].End, ms); ok {
			out = append(out, s)
			floor = end
		}
	}
	return out
}

// validMatches keeps the matches that lie inside text on character
// boundaries: an index built by another analyzer could hold others.
func validMatches(text string, ms []match) []match {
	out := ms[:0]
	for _, m := range ms {
		if 0 <= m.Start && m.Start < m.End && m.End <= len(text) &&
			utf8.RuneStart(text[m.Start]) && (m.End == len(text) || utf8.RuneStart(text[m.End])) &&
			strings.TrimSpace(text[m.Start:m.End]) != "" {
			out = append(out, m)
		}
	}
	return out
}

// mergeMatches sorts matches and merges those that overlap: the parts of a
// compound and the compound itself give one mark.
func mergeMatches(ms []match) []match {
	slices.SortFunc(ms, func(a, b match) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	out := ms[:0] // in place
	for _, m := range ms {
		if len(out) > 0 && m.Start < out[len(out)-1].End {
			last := &out[len(out)-1]
			last.End = max(last.End, m.End)
			continue
		}
		out = append(out, m)
	}
	return out
}

// snippetAt returns the passage of text that holds [from, to), widened to
// about snippetWidth bytes on word boundaries (back to a sentence start when
// one is near) but not before floor, with marks at ms; and where it ends.
func snippetAt(text string, floor, from, to int, ms []match) (Snippet, int, bool) {
	room := max(snippetWidth-(to-from), 0)
	left := room / 3 // context before the marks; the rest goes after them
	if after := len(text) - to; after < room-left {
		left = room - after // near the end of the text: more before
	}
	start := wordStart(text, max(from-left, floor), floor, from)
	if s := sentenceStart(text, start, from); s >= 0 && start > 0 {
		start = s
	}
	end := wordEnd(text, min(to+room-(from-start), len(text)), to)
	if start >= end {
		return Snippet{}, end, false
	}
	var b strings.Builder
	b.Grow(end - start + 2*len("… "))
	var marks []Span
	if start > 0 {
		b.WriteString("… ")
	}
	space := false
	next := 0 // the next mark
	for i := start; i < end; {
		if next < len(ms) && i == ms[next].Start {
			if space {
				b.WriteByte(' ')
				space = false
			}
			markStart := b.Len()
			b.WriteString(collapseSpaces(text[ms[next].Start:ms[next].End]))
			marks = append(marks, Span{markStart, b.Len()})
			i = ms[next].End
			next++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if unicode.IsSpace(r) { // with the no-break spaces of French typography
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if end < len(text) {
		b.WriteString(" …")
	}
	return Snippet{Text: b.String(), Marks: marks}, end, b.Len() > 0
}

// collapseSpaces writes runs of white space as one space.
func collapseSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }

// wordStart returns i moved back to the start of the word it is in, but not
// before floor; if the word is long, it moves forward to the next word
// instead, but not past limit (the first mark).
func wordStart(text string, i, floor, limit int) int {
	for j := i; j > floor; {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsSpace(r) {
			return j
		}
		j -= n
		if i-j > 40 {
			break
		}
		if j == floor {
			return floor
		}
	}
	if i <= floor {
		return floor
	}
	for i < limit {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if unicode.IsSpace(r) {
			return i
		}
	}
	return limit
}

// wordEnd returns i moved forward to the end of the word it is in, or, if
// the word is long, back to its start, but not before limit (the end of the
// last mark).
func wordEnd(text string, i, limit int) int {
	i = max(i, limit)
	if i >= len(text) {
		return len(text)
	}
	for j := i; j < len(text) && j-i <= 40; {
		r, n := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(r) {
			return j
		}
		j += n
		if j == len(text) {
			return j
		}
	}
	for j := i; j > limit; {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsSpace(r) {
			return j - n
		}
		j -= n
	}
	return i
}

// sentenceStart returns the start of the last sentence that begins in
// text[from:to], or -1.
func sentenceStart(text string, from, to int) int {
	best := -1
	for i := from; i < to; i++ {
		if text[i] == '\n' || (text[i] == '.' || text[i] == '!' || text[i] == '?') && i+1 < to && text[i+1] == ' ' {
			j := i + 1
			for j < to && (text[j] == ' ' || text[j] == '\n') {
				j++
			}
			if j < to {
				best = j
			}
		}
	}
	return best
}
