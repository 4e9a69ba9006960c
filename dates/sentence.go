package dates

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a part text[start:end] of a text.
type span struct{ start, end int }

// abbreviations end with a full stop that does not end a sentence:
// « M. Musk », « Mme Yaccarino », « St. Louis ».
var abbreviations = map[string]bool{
	"M": true, "MM": true, "Mme": true, "Mmes": true, "Mlle": true, "Mlles": true,
	"Dr": true, "Pr": true, "Me": true, "Mgr": true, "St": true, "Ste": true, "Sts": true,
	"Mr": true, "Mrs": true, "Ms": true, "Prof": true, "Jr": true, "Sr": true,
	"cf": true, "av": true, "bd": true, "p": true, "pp": true, "vol": true, "n": true,
	"no": true, "art": true, "éd": true, "env": true, "fig": true, "ex": true, "vs": true,
	"chap": true, "hab": true, "approx": true,
}

// sentences splits text[from:] into sentences: after . ! ? or … (and the
// closing quotes or brackets that follow, spaced or not) when whitespace or the end of the
// text comes next, and at line breaks, so that a title or a paragraph
// without a final stop is a sentence of its own. A full stop does not end a
// sentence after an abbreviation (« M. », « Mme. », « St. »), after an
// initial (« J. K. Rowling »), after an abbreviated month followed by a
// number (« sept. 2023 »), or when a lower-case letter starts the next
// word; a decimal point has no space after it. The spans are trimmed and
// never empty. It reads text[from:to].
func sentences(text string, from, to int) []span {
	var out []span
	add := func(start, end int) {
		for start < end {
			r, size := utf8.DecodeRuneInString(text[start:end])
			if !isSpace(r) {
				break
			}
			start += size
		}
		for start < end {
			r, size := utf8.DecodeLastRuneInString(text[start:end])
			if !isSpace(r) {
				break
			}
			end -= size
		}
		if start < end {
			out = append(out, span{start, end})
		}
	}
	start := from
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isLineBreak(r):
			add(start, i)
			start = i + size
			i += size
		case isTerminal(r):
			j := i + size
			for j < to {
				c, cs := utf8.DecodeRuneInString(text[j:to])
				if isTerminal(c) || isCloser(c) {
					j += cs
					continue
				}
				// French sets closing guillemets apart: « … en 2022. »
				k := skipSpace(text[:to], j, false)
				if k == j || k == to {
					break
				}
				if c, cs := utf8.DecodeRuneInString(text[k:]); c == '»' || c == '”' || c == '›' {
					j = k + cs
					continue
				}
				break
			}
			if j < to {
				if c, _ := utf8.DecodeRuneInString(text[j:to]); !isSpace(c) {
					i = j
					continue
				}
			}
			if r == '.' && j == i+size && !stopEnds(text[:to], from, i, j) {
				i = j
				continue
			}
			add(start, j)
			start = j
			i = j
		default:
			i += size
		}
	}
	add(start, to)
	return out
}

// line returns the line of text[from:] that holds the offset at: line
// breaks always end sentences, so a mention's sentence is found in its line.
func line(text string, from, at int) span {
	start := at
	for start > from {
		r, size := utf8.DecodeLastRuneInString(text[from:start])
		if isLineBreak(r) {
			break
		}
		start -= size
	}
	end := at
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if isLineBreak(r) {
			break
		}
		end += size
	}
	return span{start, end}
}

func isTerminal(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func isCloser(r rune) bool {
	switch r {
	case '»', '"', '”', '’', '\'', ')', ']', '›':
		return true
	}
	return false
}

// stopEnds reports whether the full stop text[dot:after] ends a sentence.
func stopEnds(text string, from, dot, after int) bool {
	w := dot
	for w > from {
		r, size := utf8.DecodeLastRuneInString(text[from:w])
		if !isWordRune(r) {
			break
		}
		w -= size
	}
	before := text[w:dot]
	next := strings.TrimLeftFunc(text[after:], isSpace)
	nr, _ := utf8.DecodeRuneInString(next)
	switch {
	case abbreviations[before]:
		return false
	case isInitial(before):
		return false
	case unicode.IsLower(nr):
		return false
	case nr >= '0' && nr <= '9':
		if e := lookup(before); e.is(monthAbbr) {
			return false
		}
	}
	return true
}

// isInitial reports whether w is one upper-case letter, as in « J. K. Rowling ».
func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

// sentenceOf returns the sentence of spans that holds the offset at, or an
// empty span at at when none does.
func sentenceOf(spans []span, at int) span {
	lo, hi := 0, len(spans)
	for lo < hi {
		m := (lo + hi) / 2
		if spans[m].end <= at {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(spans) && spans[lo].start <= at {
		return spans[lo]
	}
	return span{at, at}
}

// collapse returns s with each run of whitespace made one space, trimmed,
// and invalid UTF-8 replaced by U+FFFD.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
