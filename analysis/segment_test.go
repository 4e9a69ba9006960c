package analysis

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// segmentCases are texts where the UAX #29 rules have something to decide.
var segmentCases = []string{
	"_", "__", "a_", "_a", "1_", "_1", "a__b", "a:b", "a::b", "a.", ".a", "1,", "1,2,", "a'b", "a''b",
	"a\u00adb", "\u00ada", "a \u00ad b", "  \t", "\r\n", "\n\n", "\r\r\n", "\n\u0301", "a\u0301b", "\u0301a", "-\u0301",
	"a\u200bb", "a\u200cb", "a\u2060b", "1.a", "a.1", "1'2", "a'1", "ʼa", "aʼ", "a\u2019", "a’b", "a‘b", "x·y",
	"x‧y", "1:2", "1\u2044 2", "1;2", "a;b", "ª", "ⅻ", "²", "½", "a\u00a0b", "a\u2007b", "é\u0300\u0301x",
	"$", "€5", "1.2.3", "a.b.c", "1,5", "2,5 millions", "a:1", "1:a", "a'", "'a", "a'\u0301b", "1\u00b72",
	"ﬁnance", "Ωμέγα", "Москва", "Ǆemal", "ǅ", "a\u037eb", "1\u037e2", "a\u0387b", "\ufeffa", "a\u2028b",
	"a\u0085b", "x\u202fy", "1\u202f000", "a\u203fb", "a\u2054b", "a\u2024b", "1\u2024 2", "a\u2027",
	"a─b", "🔎\ufe0ea", "a🔎︎b", "⟨a⟩", "x→y", "™a", "aⓐb", "Ⓐ", "ⁱ", "xⁿ", "ℓ", "Ⅻ", "½x", "a\u20d7b", "⸗a", "aⸯ",
	"€", "a\ufe0fb", "✓a", "≤1", "∆x",
}

// compareSegments checks that fastSegments, when it handles in, finds the
// words that blevesearch/segment finds, with the same types. Where they cut
// the text between words may differ: the library keeps an accent after an
// ASCII symbol with it but not after an arrow or an emoji, which no token
// depends on.
func compareSegments(t *testing.T, in []byte) {
	t.Helper()
	if !utf8.Valid(in) {
		return
	}
	fast, ok := fastSegments(in, 0, nil)
	if !ok {
		return
	}
	lib := librarySegments(in, 0, len(in), nil)
	f, l := words(in, fast), words(in, lib)
	for i := 0; i < max(len(f), len(l)); i++ {
		if i >= len(f) || i >= len(l) || f[i] != l[i] {
			from := max(0, i-2)
			t.Errorf("%.60q…: word %d differs:\nfast    %q\nlibrary %q", in, i, f[from:min(i+3, len(f))], l[from:min(i+3, len(l))])
			return
		}
	}
}

// words describes the word segments: text, offset, type.
func words(in []byte, segs []seg) []string {
	var w []string
	for _, g := range segs {
		if g.word() {
			w = append(w, fmt.Sprintf("%s@%d/%d", in[g.start:g.end], g.start, g.typ))
		}
	}
	return w
}

// TestFastSegments checks that fastSegments and blevesearch/segment cut
// the same segments, on edge cases and on the seed articles.
func TestFastSegments(t *testing.T) {
	for _, c := range segmentCases {
		compareSegments(t, []byte(c))
	}
	for _, text := range seedTexts(t) {
		if _, ok := fastSegments(text, 0, nil); !ok {
			t.Errorf("a seed article is not handled by fastSegments")
		}
		compareSegments(t, text)
	}
	if _, ok := fastSegments([]byte("東京"), 0, nil); ok {
		t.Errorf("fastSegments handles ideographs; it should leave them to the library")
	}
}

// TestFastSegmentsCorpus does the same on a real corpus when
// $DOSSIER_CORPUS (or ../../shared/corpus/fr-docs-20mb.jsonl.gz) exists.
func TestFastSegmentsCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus comparison skipped in -short mode")
	}
	texts := corpusTexts(t)
	fallback := 0
	for _, text := range texts {
		if _, ok := fastSegments(text, 0, nil); !ok {
			fallback++
		}
		compareSegments(t, text)
	}
	t.Logf("%d texts, %d left to the library", len(texts), fallback)
}

func FuzzSegments(f *testing.F) {
	for _, c := range segmentCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, in []byte) { compareSegments(t, in) })
}

// TestFastSegmentsRandom compares the two segmenters on random strings
// drawn from the characters whose classes fastSegments decides, where byte
// fuzzing seldom reaches.
func TestFastSegmentsRandom(t *testing.T) {
	alphabet := []rune("aZéŒßǅʼªⅻΩж19١_:·‧.’‘․,;⁄' \t\r\n\u0085\u2028\u00ad\u0301\u20d7\u200c\u200e\u2060\ufeff\ufe0f" +
		"-@#%$€→─✓ⓐ½²ⁿℓ«»“”…\u00a0\u202f\u2009\u203f\u2054\u037e\u0387🔎")
	ranges := [][2]rune{{0x80, 0x530}, {0x1e00, 0x2c00}, {0x2e00, 0x2e80}, {0xfb00, 0xfb07}, {0x1f000, 0x1f100}}
	rng := rand.New(rand.NewPCG(1, 2))
	n := 200000
	if testing.Short() {
		n = 20000
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.Reset()
		for k := rng.IntN(12); k >= 0; k-- {
			if rng.IntN(4) == 0 {
				r := ranges[rng.IntN(len(ranges))]
				b.WriteRune(r[0] + rng.Int32N(r[1]-r[0]))
			} else {
				b.WriteRune(alphabet[rng.IntN(len(alphabet))])
			}
		}
		compareSegments(t, []byte(b.String()))
		if t.Failed() {
			return
		}
	}
}
