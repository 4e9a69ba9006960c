package analysis

import (
	"testing"

	"github.com/blevesearch/segment"
)

// libraryClass finds the word-break class that blevesearch/segment gives r,
// by segmenting probes around it.
func libraryClass(r rune) wbClass {
	ch := string(r)
	segs := func(s string) []seg { return librarySegments([]byte(s), 0, len(s), nil) }
	one := func(s string) bool { g := segs(s); return len(g) == 1 && g[0].end == len(s) }
	alone := segs(ch)
	switch {
	case len(alone) == 1 && alone[0].typ == segment.Number:
		return wbNumeric
	case len(alone) == 1 && alone[0].typ != segment.None:
		if g := segs("1" + ch); len(g) == 1 && g[0].typ == segment.Number { // "1_" is a number, "1a" a word
			return wbExtendNum
		}
		return wbLetter
	case one("a" + ch):
		return wbExtend
	}
	letters, digits := one("a"+ch+"b"), one("1"+ch+"2")
	switch {
	case letters && digits:
		if r == '\'' {
			return wbQuote
		}
		return wbMidNumLet
	case letters:
		return wbMidLetter
	case digits:
		return wbMidNum
	}
	return wbOther
}

// TestClassMatchesLibrary checks the class of every character that
// fastSegments handles against blevesearch/segment.
func TestClassMatchesLibrary(t *testing.T) {
	bad := 0
	for r := rune(0x80); r < 0x20000; r++ {
		if r >= 0xd800 && r < 0xe000 {
			continue
		}
		c := class(r)
		if c == wbExotic || c == wbCR || c == wbNewline {
			continue
		}
		if c == wbQuote {
			c = wbMidNumLet
		}
		if lc := libraryClass(r); lc != c {
			bad++
			if bad < 40 {
				t.Errorf("%U %q: class %d, library %d", r, r, c, lc)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d characters differ", bad)
	}
}
