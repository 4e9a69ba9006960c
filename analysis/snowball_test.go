package analysis

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kljensen/snowball/french"
)

type stemCase struct{ word, stem string }

// readVocabulary reads Snowball's official French vocabulary: voc.txt and
// output.txt, a word and its stem on the same line of each.
func readVocabulary(t *testing.T) []stemCase {
	t.Helper()
	words := readLines(t, "../testdata/snowball-fr/voc.txt")
	stems := readLines(t, "../testdata/snowball-fr/output.txt")
	if len(words) != len(stems) {
		t.Fatalf("voc.txt has %d lines, output.txt %d", len(words), len(stems))
	}
	cases := make([]stemCase, len(words))
	for i := range words {
		cases[i] = stemCase{words[i], stems[i]}
	}
	return cases
}

func readLines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		lines = append(lines, s.Text())
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

func TestStemVocabulary(t *testing.T) {
	cases := readVocabulary(t)
	if len(cases) != 20805 {
		t.Fatalf("vocabulary has %d words, want 20805", len(cases))
	}
	mismatches := 0
	for _, c := range cases {
		if got := Stem(c.word); got != c.stem {
			mismatches++
			if mismatches <= 20 {
				t.Errorf("Stem(%q) = %q, want %q", c.word, got, c.stem)
			}
		}
	}
	if mismatches > 0 {
		t.Errorf("%d mismatches out of %d words", mismatches, len(cases))
	}
}

// TestKljensenAlone pins why Stem wraps kljensen/snowball: called directly,
// it misses 78 words of the vocabulary. If a new release fixes them, the
// corrections in Stem may go.
func TestKljensenAlone(t *testing.T) {
	mismatches := 0
	for _, c := range readVocabulary(t) {
		if french.Stem(c.word, true) != c.stem {
			mismatches++
		}
	}
	if mismatches != 78 {
		t.Errorf("kljensen/snowball alone misses %d words of the vocabulary, want 78", mismatches)
	}
}

// TestStemExtra checks words outside the official vocabulary where
// kljensen/snowball and the reference C stemmer part ways (see
// testdata/README.md).
func TestStemExtra(t *testing.T) {
	lines := readLines(t, "../testdata/snowball-fr/extra.txt")
	if len(lines) < 1000 {
		t.Fatalf("extra.txt has %d lines", len(lines))
	}
	for _, line := range lines {
		word, stem, ok := strings.Cut(line, " ")
		if !ok {
			t.Fatalf("bad line %q", line)
		}
		if got := Stem(word); got != stem {
			t.Errorf("Stem(%q) = %q, want %q", word, got, stem)
		}
	}
}

func TestStemCorrections(t *testing.T) {
	for _, c := range []stemCase{
		{"archaïque", "archa"}, {"ambiguïté", "ambigu"}, {"canoë", "cano"}, // ë, ï start no vowel run
		{"haïr", "haïr"}, {"haïssaient", "haïss"}, {"maïs", "maï"}, // the H of Hi blocks i-verb suffixes
		{"es", "e"}, {"os", "os"}, {"a", "a"}, // short words
		{"aië", "aië"}, {"yie", "yie"}, // i and u that Snowball's prelude makes consonants
		{"voudrion", "voudrion"}, // kljensen logs this one
	} {
		if got := Stem(c.word); got != c.stem {
			t.Errorf("Stem(%q) = %q, want %q", c.word, got, c.stem)
		}
	}
}

func FuzzStem(f *testing.F) {
	for _, w := range []string{"archaïque", "haïr", "maïs", "es", "yie", "aië", "activité", "\uE000i", "ï", "y"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, word string) {
		if !utf8.ValidString(word) {
			return
		}
		word = strings.ToLower(word)
		s := Stem(word)
		if !utf8.ValidString(s) {
			t.Fatalf("Stem(%q) = %q: invalid UTF-8", word, s)
		}
		if strings.ContainsAny(s, markH+markI+markU) && !strings.ContainsAny(word, markH+markI+markU) {
			t.Fatalf("Stem(%q) = %q: a marker leaked", word, s)
		}
	})
}
