package analysis

import (
	"strings"

	"github.com/kljensen/snowball/french"
)

// Stem returns the Snowball French stem of a lower-case word, exactly as the
// reference implementation of the Snowball 2.x French algorithm does
// (snowballstem.org; libstemmer 2.2.0 and Xapian agree with it).
//
// It wraps github.com/kljensen/snowball's french.Stem, which implements the
// same algorithm but differs from it on 78 of the 20,805 words of Snowball's
// official French vocabulary. Stem corrects those cases around the call:
//
//   - Words of one or two bytes: kljensen returns them as they are; Snowball
//     still removes a final s after a letter other than a, i, o, u, s
//     ("es" → "e").
//   - ë and ï: Snowball's prelude writes them He and Hi, with H a
//     consonant, so that they start no vowel run (archaïque → archa,
//     ambiguïté → ambigu, canoë → cano). Stem does the same with a private
//     use character that kljensen sees as a consonant, and maps it back.
//     Snowball also forbids removing an i-verb suffix right after that H
//     (haïr stays haïr) and removes a final s after Hi (maïs → maï); when
//     kljensen removed such a suffix, Stem stems again with ï written as a
//     vowel that no suffix starts with.
//   - An i or u between a vowel and ë or ï, or after an initial y and before
//     a vowel, is a consonant for Snowball (aië → aië, yie → yie) but not
//     for kljensen; Stem writes it with a private use consonant too.
//   - kljensen logs the word "voudrion" when it reaches its step 4 (a
//     leftover debugging line); Stem returns it without calling kljensen.
//
// Differential tests against libstemmer on the official vocabulary and on
// the 137,306 distinct words of 40 MB of real French text find no
// difference. On random strings that put y next to other vowels ("cyyisses"),
// which French words do not, kljensen's handling of y still differs.
func Stem(word string) string {
	if len(word) <= 2 {
		if len(word) == 2 && word[1] == 's' && strings.IndexByte("aiouys", word[0]) < 0 {
			return word[:1]
		}
		return word
	}
	if word == "voudrion" {
		return word
	}
	if !strings.ContainsAny(word, "ëï") && word[0] != 'y' {
		return french.Stem(word, true)
	}
	w := premark(word)
	x := heMarker.Replace(w)
	s := french.Stem(x, true)
	if strings.Contains(x, markH) {
		tail := x[strings.LastIndex(x, markH)+len(markH):]
		blocked := strings.HasSuffix(s, markH) && strings.Count(s, markH) == strings.Count(x, markH) &&
			(iVerbSuffix[tail] || tail == "iment" || tail == "iments")
		if blocked || strings.HasSuffix(w, "ïs") && strings.HasSuffix(s, markH+"is") {
			s = french.Stem(heVowelMarker.Replace(w), true)
		}
	}
	return unmark.Replace(s)
}

// Private use characters that kljensen takes for consonants.
const (
	markH = "\uE000" // Snowball's H before ë and ï
	markI = "\uE001" // Snowball's I: an i that is a consonant
	markU = "\uE002" // Snowball's U: a u that is a consonant
)

var (
	heMarker      = strings.NewReplacer("ë", markH+"e", "ï", markH+"i")
	heVowelMarker = strings.NewReplacer("ë", markH+"e", "ï", markH+"ï")
	unmark        = strings.NewReplacer(markH+"e", "ë", markH+"i", "ï", markH+"ï", "ï", markH, "", markI, "i", markU, "u")
)

// iVerbSuffix holds the suffixes of Snowball's step 2a (i-verbs), written
// with the i that kljensen sees.
var iVerbSuffix = func() map[string]bool {
	m := make(map[string]bool)
	for _, s := range strings.Fields(`îmes ît îtes i ie ies ir ira irai iraient irais irait iras irent
		irez iriez irions irons iront is issaient issais issait issant issante issantes issants isse
		issent isses issez issiez issions issons it`) {
		m[s] = true
	}
	return m
}()

// premark writes with a consonant marker each i or u that Snowball's prelude
// turns into a consonant but kljensen's does not: between a vowel and ë or ï
// (whose vowel kljensen no longer sees once they are marked), and after an
// initial y and before a vowel.
func premark(w string) string {
	rs := []rune(w)
	var b strings.Builder
	for i, r := range rs {
		if (r == 'i' || r == 'u') && i > 0 && i+1 < len(rs) && snowballVowel(rs[i-1]) &&
			(rs[i+1] == 'ë' || rs[i+1] == 'ï' || i == 1 && rs[0] == 'y' && snowballVowel(rs[2])) {
			if r == 'i' {
				b.WriteString(markI)
			} else {
				b.WriteString(markU)
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func snowballVowel(r rune) bool { return strings.ContainsRune("aeiouyâàëéêèïîôûù", r) }
