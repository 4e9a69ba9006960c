package analysis

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/segment"
)

// librarySegments appends to dst the segments of input[from:to] that
// blevesearch/segment finds.
func librarySegments(input []byte, from, to int, dst []seg) []seg {
	s := segment.NewWordSegmenterDirect(input[from:to])
	at := from
	for s.Segment() {
		n := len(s.Bytes())
		dst = append(dst, seg{at, at + n, s.Type(), true})
		at += n
	}
	if at < to { // the segmenter gave up early: keep the rest as a separator
		dst = append(dst, seg{at, to, segment.None, false})
	}
	return dst
}

// The word segmentation of UAX #29, as github.com/blevesearch/segment does
// it, but several times faster for the scripts of European press text. That
// library runs a state machine over all of Unicode and was most of the cost
// of analysis; fastSegments applies the word-boundary rules directly to the
// character classes of Latin, Greek and Cyrillic text and of the
// punctuation around them, and hands any other text to the library. Tests
// check that both give the same segments on real corpora and under fuzzing.

// wbClass is the Word_Break property of a character (UAX #29), reduced to
// what fastSegments needs.
type wbClass uint8

const (
	wbOther     wbClass = iota
	wbLetter            // ALetter
	wbNumeric           // Numeric
	wbExtendNum         // ExtendNumLet: _ and connector punctuation
	wbMidLetter         // MidLetter: : · ‧
	wbMidNumLet         // MidNumLet: . ‘ ’ ․
	wbMidNum            // MidNum: , ; ⁄
	wbQuote             // Single_Quote: '
	wbExtend            // Extend and Format: combining marks, soft hyphen…
	wbCR
	wbNewline // LF and the other line separators
	wbExotic  // outside what fastSegments handles: use the library
)

// asciiClass holds the classes of ASCII characters.
var asciiClass = func() (t [utf8.RuneSelf]wbClass) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = wbLetter, wbLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = wbNumeric
	}
	t['_'] = wbExtendNum
	t[':'] = wbMidLetter
	t['.'] = wbMidNumLet
	t[','], t[';'] = wbMidNum, wbMidNum
	t['\''] = wbQuote
	t['\r'] = wbCR
	t['\n'], t['\v'], t['\f'] = wbNewline, wbNewline, wbNewline
	return t
}()

// class returns the word-break class of a non-ASCII rune.
func class(r rune) wbClass {
	switch {
	case r < 0x250: // Latin-1 Supplement, Latin Extended-A and -B
		switch r {
		case 0x85:
			return wbNewline
		case 0xad:
			return wbExtend
		case 0xb7:
			return wbMidLetter
		}
	case r < 0x530: // IPA, modifiers, combining marks, Greek, Cyrillic
		switch {
		case r == 0x2d7: // modifier letter minus sign, MidLetter before Unicode 9
			return wbMidLetter
		case r == 0x37e:
			return wbMidNum
		case r == 0x387:
			return wbMidLetter
		}
	case r >= 0x1e00 && r < 0x2000: // Latin Extended Additional, Greek Extended
	case r >= 0x2000 && r < 0x2070: // General Punctuation
		switch {
		case r == 0x200c || r >= 0x200e && r <= 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2060 && r != 0x2065:
			return wbExtend
		case r == 0x200d: // ZWJ joins emoji sequences: rules of their own
			return wbExotic
		case r == 0x2018 || r == 0x2019 || r == 0x2024:
			return wbMidNumLet
		case r == 0x2027:
			return wbMidLetter
		case r == 0x2044:
			return wbMidNum
		case r == 0x203f || r == 0x2040 || r == 0x2054:
			return wbExtendNum
		case r == 0x2028 || r == 0x2029:
			return wbNewline
		}
		return wbOther
	case r >= 0x2070 && r < 0x2190: // super- and subscripts, currency, letterlike, number forms
	case r >= 0x2190 && r < 0x2c00: // arrows, mathematical operators, technical, box drawing, shapes, dingbats
		if r >= 0x24b6 && r <= 0x24e9 { // circled letters are alphabetic
			return wbLetter
		}
		return wbOther
	case r >= 0x2e00 && r < 0x2e80: // supplemental punctuation
	case r >= 0xfb00 && r <= 0xfb06: // Latin ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ
		return wbLetter
	case r >= 0xfe00 && r <= 0xfe0f: // variation selectors
		return wbExtend
	case r == 0xfeff:
		return wbExtend
	case r >= 0x1f000 && r < 0x1fb00: // emoji and other pictographs
		switch {
		case r >= 0x1f1e6 && r <= 0x1f1ff || r >= 0x1f3fb && r <= 0x1f3ff || // flags, skin tones
			r >= 0x1f200 && r < 0x1f300: // enclosed ideographs
			return wbExotic
		case r >= 0x1f130 && r <= 0x1f149 || r >= 0x1f150 && r <= 0x1f169 || r >= 0x1f170 && r <= 0x1f189:
			return wbLetter // squared and circled Latin letters are alphabetic
		}
		return wbOther
	default:
		return wbExotic
	}
	switch {
	case unicode.IsLetter(r) || unicode.Is(unicode.Nl, r):
		return wbLetter
	case unicode.Is(unicode.Nd, r):
		return wbNumeric
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc, unicode.Cf):
		return wbExtend
	}
	return wbOther
}

// fastSegments appends to dst the UAX #29 segments of input[from:], which
// must be valid UTF-8, with the types blevesearch/segment gives them. It
// returns false, and dst as it came, when the text holds a character it does
// not handle.
func fastSegments(input []byte, from int, dst []seg) ([]seg, bool) {
	n0 := len(dst)
	for i := from; i < len(input); {
		c, n := classAt(input, i)
		switch c {
		case wbExotic:
			return dst[:n0], false
		case wbLetter, wbNumeric, wbExtendNum:
		default:
			end := i + n
			switch {
			case c == wbCR && end < len(input) && input[end] == '\n': // WB3
				end++
			case c != wbCR && c != wbNewline: // WB4, but not after a line break (WB3a)
				var ok bool
				if end, ok = skipExtend(input, end); !ok {
					return dst[:n0], false
				}
			}
			dst = append(dst, seg{i, end, segment.None, false})
			i = end
			continue
		}
		letter, number, joined := c == wbLetter, c == wbNumeric, false
		last, end := c, i+n
	word:
		for end < len(input) {
			var d wbClass
			n := 1
			if b := input[end]; b < utf8.RuneSelf { // the common case: ASCII
				d = asciiClass[b]
			} else {
				d, n = classAt(input, end)
			}
			switch d {
			case wbLetter: // WB5, WB9, WB13b
				letter = true
			case wbNumeric: // WB8, WB10, WB13b
				number = true
			case wbExtendNum: // WB13a
			case wbExtend: // WB4: part of what precedes it
				end += n
				continue
			case wbMidLetter, wbMidNumLet, wbMidNum, wbQuote:
				next, ok := skipExtend(input, end+n)
				if !ok {
					return dst[:n0], false
				}
				if next == len(input) {
					break word
				}
				f, fn := classAt(input, next)
				if f == wbExotic {
					return dst[:n0], false
				}
				if !(d != wbMidNum && last == wbLetter && f == wbLetter || // WB6, WB7
					d != wbMidLetter && last == wbNumeric && f == wbNumeric) { // WB11, WB12
					break word
				}
				d, n, end, joined = f, fn, next, true
			case wbExotic:
				return dst[:n0], false
			default:
				break word
			}
			last = d
			end += n
		}
		typ := segment.Letter
		if number && !letter {
			typ = segment.Number
		}
		dst = append(dst, seg{i, end, typ, joined})
		i = end
	}
	return dst, true
}

// skipExtend returns the end of the Extend and Format characters at
// input[i:], or false if it meets a character fastSegments does not handle.
func skipExtend(input []byte, i int) (int, bool) {
	for i < len(input) && input[i] >= utf8.RuneSelf { // no ASCII character extends
		c, n := classAt(input, i)
		switch c {
		case wbExotic:
			return i, false
		case wbExtend:
			i += n
		default:
			return i, true
		}
	}
	return i, true
}

func classAt(input []byte, i int) (wbClass, int) {
	if b := input[i]; b < utf8.RuneSelf {
		return asciiClass[b], 1
	}
	r, n := utf8.DecodeRune(input[i:])
	return class(r), n
}
