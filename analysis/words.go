package analysis

import (
	_ "embed"
	"strings"
)

//go:embed stopwords.txt
var stopWordsText string

//go:embed protected.txt
var protectedText string

// StopWords returns the default French stop words (the file stopwords.txt of
// this package, which documents how they were chosen). The slice is new at
// each call.
func StopWords() []string { return ParseWords(stopWordsText) }

// ProtectedWords returns the default protected words (the file protected.txt
// of this package). The slice is new at each call.
func ProtectedWords() []string { return ParseWords(protectedText) }

// ParseWords reads a word list in the format of stopwords.txt and
// protected.txt: words separated by white space, text from # to the end of a
// line ignored.
func ParseWords(text string) []string {
	var words []string
	for _, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		words = append(words, strings.Fields(line)...)
	}
	return words
}
